using TacoMail.Reconciler.Planning;
using TacoMail.Reconciler.Table.Writing;
using TacoMail.Schema.Model;
using static TacoMail.IntegrationTests.Table.Writing.TestTable;

namespace TacoMail.IntegrationTests.Table.Writing;

public sealed partial class PlanApplierTests
{
    [Fact]
    public async Task Apply_Rename_CarriesIdentifierCreatedAndUseCountInOneTransaction()
    {
        using var table = await CreateAsync(fixture, Cancellation);
        await table.ConvergeAsync(Desired([Spec("oldshop@example.com")]), Cancellation);
        await table.CountMessageAsync("oldshop@example.com", 4, Cancellation);
        var old = await table.RecordAsync("oldshop@example.com", Cancellation);
        table.Clock.Advance(TimeSpan.FromDays(1));
        table.Requests.Reset();

        var result = await table.ConvergeAsync(Desired([Spec("shop@example.com", "S3")], ("oldshop@example.com", "shop@example.com")), Cancellation);

        (await table.GetAsync("oldshop@example.com", Cancellation)).ShouldBeNull();
        var moved = await table.RecordAsync("shop@example.com", Cancellation);
        moved.ShouldBe(old with { Key = Key("shop@example.com"), Destination = "S3", ModifiedDatetime = table.Now });
        moved.UseCount.ShouldBe(4);
        result.AliasChanges.ShouldHaveSingleItem().Identifier.ShouldBe(old.Identifier);
        table.Requests["TransactWriteItems"].ShouldBe(2, "the rename and the destinations item, each a transaction that can carry the lock's fence");
        table.Requests.Writes.ShouldBe(2);
    }

    [Fact]
    public async Task Apply_UseCountCountedBetweenPlanAndRename_IsNotLost()
    {
        using var table = await CreateAsync(fixture, Cancellation);
        await table.ConvergeAsync(Desired([Spec("oldshop@example.com")]), Cancellation);
        await table.CountMessageAsync("oldshop@example.com", 3, Cancellation);
        var plan = await table.PlanAsync(Desired([Spec("shop@example.com")], ("oldshop@example.com", "shop@example.com")), Cancellation);
        plan.AliasChanges.ShouldHaveSingleItem().ShouldBeOfType<AliasRename>().Before.UseCount.ShouldBe(3);
        await table.CountMessageAsync("oldshop@example.com", 1, Cancellation);
        table.Requests.Reset();

        var result = await table.Applier().ApplyAsync(plan, null, Cancellation);

        (await table.RecordAsync("shop@example.com", Cancellation)).UseCount.ShouldBe(4);
        (await table.GetAsync("oldshop@example.com", Cancellation)).ShouldBeNull();
        result.AliasChanges.ShouldHaveSingleItem().Outcome.ShouldBe(ApplyOutcome.Written);
        table.Requests["TransactWriteItems"].ShouldBe(2, "the first attempt was refused on the stale count, the retry carried the new one");
    }

    [Fact]
    public async Task Apply_RenameFromAnItemWithoutUseCount_CarriesZero()
    {
        using var table = await CreateAsync(fixture, Cancellation);
        await table.ConvergeAsync(Desired([Spec("oldshop@example.com")]), Cancellation);
        await table.Client.UpdateItemAsync(new Amazon.DynamoDBv2.Model.UpdateItemRequest
        {
            TableName = table.Name,
            Key = Schema.Records.ItemKeyCodec.Encode(Key("oldshop@example.com")),
            UpdateExpression = "REMOVE use_count",
        }, Cancellation);

        await table.ConvergeAsync(Desired([Spec("shop@example.com")], ("oldshop@example.com", "shop@example.com")), Cancellation);

        (await table.RecordAsync("shop@example.com", Cancellation)).UseCount.ShouldBe(0);
        (await table.GetAsync("oldshop@example.com", Cancellation)).ShouldBeNull();
    }

    [Fact]
    public async Task Apply_RenameAlreadyMadeByAnEarlierApply_CountsAsDone()
    {
        using var table = await CreateAsync(fixture, Cancellation);
        await table.ConvergeAsync(Desired([Spec("oldshop@example.com")]), Cancellation);
        var desired = Desired([Spec("shop@example.com")], ("oldshop@example.com", "shop@example.com"));
        var plan = await table.PlanAsync(desired, Cancellation);
        await table.Applier().ApplyAsync(plan, null, Cancellation);
        var moved = await table.RecordAsync("shop@example.com", Cancellation);

        var again = await table.Applier().ApplyAsync(plan, null, Cancellation);

        again.AliasChanges.ShouldHaveSingleItem().Outcome.ShouldBe(ApplyOutcome.AlreadyInPlace);
        (await table.RecordAsync("shop@example.com", Cancellation)).ShouldBe(moved);
        (await table.ReadAsync(Cancellation)).Aliases.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Apply_RenameOntoAnAddressTakenSincePlan_FailsNamingBoth()
    {
        using var table = await CreateAsync(fixture, Cancellation);
        await table.ConvergeAsync(Desired([Spec("oldshop@example.com")]), Cancellation);
        var plan = await table.PlanAsync(Desired([Spec("shop@example.com")], ("oldshop@example.com", "shop@example.com")), Cancellation);
        await table.ConvergeAsync(Desired([Spec("oldshop@example.com"), Spec("shop@example.com", "S3")]), Cancellation);
        var taken = await table.RecordAsync("shop@example.com", Cancellation);

        var exception = await Should.ThrowAsync<ApplyFailedException>(() => table.Applier().ApplyAsync(plan, null, Cancellation));

        exception.InnerException.ShouldBeOfType<ChangeFailedException>().Message.ShouldBe(
            $"Could not rename oldshop@example.com to shop@example.com: shop@example.com already exists with another identifier "
            + $"({taken.Identifier}); remove the moved entry or delete shop@example.com, then plan again.");
        exception.Partial.AliasChanges.ShouldBeEmpty();
        (await table.RecordAsync("shop@example.com", Cancellation)).ShouldBe(taken);
        (await table.GetAsync("oldshop@example.com", Cancellation)).ShouldNotBeNull();
    }

    [Fact]
    public async Task Apply_RenameWithNewState_WritesTheDesiredState()
    {
        using var table = await CreateAsync(fixture, Cancellation);
        await table.ConvergeAsync(Desired([Spec("a@example.com")]), Cancellation);

        await table.ConvergeAsync(Desired([Spec("b@example.org", state: AliasState.Disabled)], ("a@example.com", "b@example.org")), Cancellation);

        (await table.RecordAsync("b@example.org", Cancellation)).State.ShouldBe(AliasState.Disabled);
        (await table.ReadAsync(Cancellation)).ConfigSets[Schema.Records.ConfigSetKind.SubDomains].Values.ShouldBe(["example.org"]);
    }
}
