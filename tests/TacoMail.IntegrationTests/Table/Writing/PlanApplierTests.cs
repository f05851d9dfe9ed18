using TacoMail.Reconciler.Planning;
using TacoMail.Reconciler.Table.Writing;
using TacoMail.Schema.Model;
using TacoMail.Schema.Records;
using TacoMail.Schema.Settings;
using TacoMail.Schema.Table;
using TacoMail.Testing.DynamoDb;
using static TacoMail.IntegrationTests.Table.Writing.TestTable;

namespace TacoMail.IntegrationTests.Table.Writing;

/// <summary>The applier against DynamoDB Local: stable identity and timestamps, and no needless writes.</summary>
public sealed partial class PlanApplierTests(DynamoDbLocalFixture fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Apply_PlanWithoutChanges_MakesNoWriteCalls()
    {
        using var table = await CreateAsync(fixture, Cancellation);
        var desired = Desired([Spec("shop@example.com"), Spec("bank@example.com", "S3", AliasState.Paused)]);
        await table.ConvergeAsync(desired, Cancellation);
        var plan = await table.PlanAsync(desired, Cancellation);
        table.Requests.Reset();

        var result = await table.Applier().ApplyAsync(plan, progress: null, Cancellation);

        plan.HasChanges.ShouldBeFalse();
        result.Total.ShouldBe(0);
        table.Requests.Total.ShouldBe(0);
    }

    [Fact]
    public async Task Apply_Create_WritesTheFullItemWithANewIdentifierAndUseCountZero()
    {
        using var table = await CreateAsync(fixture, Cancellation);

        var result = await table.ConvergeAsync(Desired([Spec("shop@example.com", "S3", AliasState.Paused)]), Cancellation);

        var record = await table.RecordAsync("shop@example.com", Cancellation);
        record.ShouldBe(new AliasRecord(Key("shop@example.com"), "S3", AliasState.Paused, record.Identifier, table.Now, table.Now, 0));
        record.Identifier.ShouldMatch("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
        result.AliasChanges.ShouldHaveSingleItem().Identifier.ShouldBe(record.Identifier);
        result.ConfigChanges.Select(c => c.Kind).ShouldBe([ConfigSetKind.SubDomains, ConfigSetKind.Destinations]);
        (await table.ReadAsync(Cancellation)).ConfigSets[ConfigSetKind.Destinations].Values.ShouldBe(["S3"]);
    }

    [Fact]
    public async Task Apply_SeveralApplies_KeepIdentifierAndCreatedAndMoveModifiedOnlyOnChange()
    {
        using var table = await CreateAsync(fixture, Cancellation);
        await table.ConvergeAsync(Desired([Spec("a@example.com"), Spec("b@example.com")]), Cancellation);
        var a0 = await table.RecordAsync("a@example.com", Cancellation);
        var b0 = await table.RecordAsync("b@example.com", Cancellation);

        table.Clock.Advance(TimeSpan.FromHours(1));
        await table.ConvergeAsync(Desired([Spec("a@example.com", "S3"), Spec("b@example.com")]), Cancellation);
        var a1 = await table.RecordAsync("a@example.com", Cancellation);
        table.Clock.Advance(TimeSpan.FromHours(1));
        await table.ConvergeAsync(Desired([Spec("a@example.com", "S3"), Spec("b@example.com", state: AliasState.Disabled)]), Cancellation);
        table.Clock.Advance(TimeSpan.FromHours(1));
        await table.ConvergeAsync(Desired([Spec("a@example.com", "S3"), Spec("b@example.com", state: AliasState.Disabled)]), Cancellation);

        var a = await table.RecordAsync("a@example.com", Cancellation);
        var b = await table.RecordAsync("b@example.com", Cancellation);
        a.ShouldBe(a0 with { Destination = "S3", ModifiedDatetime = a0.ModifiedDatetime + 3600 });
        a1.ShouldBe(a);
        b.ShouldBe(b0 with { State = AliasState.Disabled, ModifiedDatetime = b0.ModifiedDatetime + 7200 });
    }

    [Fact]
    public async Task Apply_UseCountCountedBetweenPlanAndUpdate_IsNeverWrittenAndSurvives()
    {
        using var table = await CreateAsync(fixture, Cancellation);
        await table.ConvergeAsync(Desired([Spec("shop@example.com")]), Cancellation);
        (await table.RecordAsync("shop@example.com", Cancellation)).UseCount.ShouldBe(0);
        await table.CountMessageAsync("shop@example.com", 5, Cancellation);
        var plan = await table.PlanAsync(Desired([Spec("shop@example.com", "S3")]), Cancellation);
        await table.CountMessageAsync("shop@example.com", 2, Cancellation);
        table.Requests.Reset();

        var result = await table.Applier().ApplyAsync(plan, null, Cancellation);

        var record = await table.RecordAsync("shop@example.com", Cancellation);
        (record.Destination, record.UseCount).ShouldBe(("S3", 7L));
        result.AliasChanges.ShouldHaveSingleItem().Outcome.ShouldBe(ApplyOutcome.Written);
        table.Requests["TransactWriteItems"].ShouldBe(2, "the update and the destinations item, each a transaction that can carry the lock's fence");
        table.Requests.Writes.ShouldBe(2);
    }

    [Fact]
    public async Task Apply_ItemChangedByOthersSincePlan_IsRetriedFromTheFreshValues()
    {
        using var table = await CreateAsync(fixture, Cancellation);
        await table.ConvergeAsync(Desired([Spec("a@example.com"), Spec("b@example.com")]), Cancellation);
        var plan = await table.PlanAsync(Desired([Spec("a@example.com", "S3"), Spec("b@example.com", "S3")]), Cancellation);
        await table.ConvergeAsync(Desired([Spec("a@example.com", "other@example.net"), Spec("b@example.com", "S3")]), Cancellation);
        var b = await table.RecordAsync("b@example.com", Cancellation);
        table.Clock.Advance(TimeSpan.FromMinutes(5));
        table.Requests.Reset();

        var result = await table.Applier().ApplyAsync(plan, null, Cancellation);

        table.Requests["TransactWriteItems"].ShouldBe(4, "a: refused, then written from the fresh values; b: refused, found in place; the destinations item");
        table.Requests["GetItem"].ShouldBe(2);
        result.AliasChanges.Select(c => (c.Change.Key.LocalPart, c.Outcome)).ShouldBe([("a", ApplyOutcome.Written), ("b", ApplyOutcome.AlreadyInPlace)]);
        (await table.RecordAsync("a@example.com", Cancellation)).Destination.ShouldBe("S3");
        (await table.RecordAsync("b@example.com", Cancellation)).ShouldBe(b);
    }

    [Fact]
    public async Task Apply_ItemDeletedByOthersSincePlan_FailsNamingIt()
    {
        using var table = await CreateAsync(fixture, Cancellation);
        await table.ConvergeAsync(Desired([Spec("a@example.com")]), Cancellation);
        var plan = await table.PlanAsync(Desired([Spec("a@example.com", "S3")]), Cancellation);
        await table.ConvergeAsync(Desired([Spec("other@example.com")]), Cancellation);

        var exception = await Should.ThrowAsync<ApplyFailedException>(() => table.Applier().ApplyAsync(plan, null, Cancellation));

        exception.InnerException.ShouldBeOfType<ChangeFailedException>().Message.ShouldBe(
            "Could not update a@example.com: it was deleted by someone else during the apply; run apply again to recreate it.");
        (await table.GetAsync("a@example.com", Cancellation)).ShouldBeNull();
    }

    [Fact]
    public async Task Apply_ItemsOfTheEarlierApiVersion_AreRewrittenWithoutTouchingUseCountOrModified()
    {
        using var table = await CreateAsync(fixture, Cancellation);
        var legacy = AliasItemCodec.Encode(new AliasRecord(Key("old@example.com"), "S3", AliasState.Active, "id-old", 100, 150, 0));
        legacy.Remove("application");
        legacy.Remove("ignore_alias");
        legacy.Remove("use_count");
        legacy["full_address"] = new() { S = "wrong@example.com" };
        await table.PutAsync(legacy, Cancellation);
        var desired = Desired([Spec("old@example.com", "S3")]);
        var configItem = ItemKeyCodec.Encode(new ConfigSetRecord(ConfigSetKind.SubDomains, []).Key);
        configItem[TableContract.LegacyConfigValues] = new() { SS = ["example.com"] };
        await table.PutAsync(configItem, Cancellation);

        await table.ConvergeAsync(desired, Cancellation);

        var item = await table.GetAsync("old@example.com", Cancellation);
        item.ShouldNotBeNull();
        item.ContainsKey("use_count").ShouldBeFalse();
        var record = AliasItemCodec.Decode(item).Record.ShouldNotBeNull();
        record.ShouldBe(new AliasRecord(Key("old@example.com"), "S3", AliasState.Active, "id-old", 100, 150, 0) { LegacyTraits = LegacyTraits.UseCountMissing });
        (await table.GetAsync("sub_domains@tacomail-config", Cancellation)).ShouldNotBeNull().Keys
            .ShouldBe([TableContract.SubDomain, TableContract.AliasAddress, TableContract.ConfigValue], ignoreOrder: true);
        var actual = await table.ReadAsync(Cancellation);
        actual.ConfigSets[ConfigSetKind.SubDomains].LegacyTraits.ShouldBe(LegacyTraits.None);
        Planner.Plan(desired, actual, SafetyThresholds.Default, TestTable.Start).HasChanges.ShouldBeFalse();
    }
}
