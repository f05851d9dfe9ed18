using Amazon.DynamoDBv2.Model;
using TacoMail.IntegrationTests.Table.Writing;
using TacoMail.Reconciler.Table.Reading;
using TacoMail.Schema.Model;
using TacoMail.Schema.Records;
using TacoMail.Schema.Table;
using TacoMail.Testing.DynamoDb;

namespace TacoMail.IntegrationTests.Table.Reading;

public sealed class TableReaderTests(DynamoDbLocalFixture fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Read_AliasesAndConfigSets_AreDecodedAndTheLockIsIgnored()
    {
        using var table = await TestTable.CreateAsync(fixture, Cancellation);
        var shop = new AliasRecord(TestTable.Key("shop@example.com"), "me@example.net", AliasState.Paused, "id-shop", 100, 200, 7);
        await table.PutAsync(AliasItemCodec.Encode(shop), Cancellation);
        await table.PutAsync(ConfigItemCodec.Encode(new ConfigSetRecord(ConfigSetKind.SubDomains, ["example.com"])), Cancellation);
        await table.PutAsync(ConfigItemCodec.Encode(new ConfigSetRecord(ConfigSetKind.Destinations, ["me@example.net", "S3"])), Cancellation);
        await table.PutAsync(Item(TableContract.ConfigPartition, TableContract.ConfigLockKey, ("lock_id", S("abc"))), Cancellation);

        var actual = await table.ReadAsync(Cancellation);

        actual.Aliases.Values.ShouldBe([shop]);
        actual.ConfigSets[ConfigSetKind.SubDomains].Values.ShouldBe(["example.com"]);
        actual.ConfigSets[ConfigSetKind.Destinations].Values.ShouldBe(["S3", "me@example.net"]);
        actual.Unreadable.ShouldBeEmpty();
    }

    [Fact]
    public async Task Read_UnreadableItems_AreReportedWithKeysAndReasons()
    {
        using var table = await TestTable.CreateAsync(fixture, Cancellation);
        await table.PutAsync(AliasItemCodec.Encode(new AliasRecord(TestTable.Key("ok@example.com"), "S3", AliasState.Active, "id-ok", 1, 1, 0)), Cancellation);
        await table.PutAsync(Item("example.com", "nodest", ("identifier", S("id-1")), ("created_datetime", N("1")), ("modified_datetime", N("1"))), Cancellation);
        await table.PutAsync(Item("example.com", "badflag", ("destination", S("S3")), ("identifier", S("id-2")), ("active_alias", S("maybe")),
            ("created_datetime", N("1")), ("modified_datetime", N("1"))), Cancellation);
        await table.PutAsync(Item(TableContract.ConfigPartition, TableContract.ConfigDestinationsKey, (TableContract.ConfigValue, S("not a set"))), Cancellation);

        var actual = await table.ReadAsync(Cancellation);

        actual.Aliases.Keys.ShouldBe([TestTable.Key("ok@example.com")]);
        actual.Unreadable.Select(u => u.Key).ShouldBe(
        [
            TestTable.Key("badflag@example.com"),
            TestTable.Key("destinations@tacomail-config"),
            TestTable.Key("nodest@example.com"),
        ]);
        actual.Unreadable[0].Reason.ShouldContain("attribute 'active_alias' is not a boolean");
        actual.Unreadable[1].Reason.ShouldContain("attribute 'configValue' is not a string set");
        actual.Unreadable[2].Reason.ShouldBe("item (example.com, nodest): attribute 'destination' is missing");
    }

    [Fact]
    public async Task Read_ItemsOfTheEarlierApiVersion_AreReadCorrectly()
    {
        using var table = await TestTable.CreateAsync(fixture, Cancellation);
        await table.PutAsync(Item("example.com", "legacy",
            ("destination", S("me@example.net")), ("identifier", S("id-legacy")), ("active_alias", B(true)),
            ("created_datetime", N("100")), ("modified_datetime", N("150"))), Cancellation);
        await table.PutAsync(Item("example.com", "counted",
            ("destination", S("S3")), ("identifier", S("id-counted")), ("active_alias", S("False")), ("ignore_alias", S("false")),
            ("application", S("tacomail")), ("full_address", S("counted@example.com")),
            ("created_datetime", S("100")), ("modified_datetime", N("150")), ("use_count", N("1"))), Cancellation);
        await table.PutAsync(Item(TableContract.ConfigPartition, TableContract.ConfigSubDomainsKey,
            (TableContract.LegacyConfigValues, new AttributeValue { SS = ["example.com", "example.org"] })), Cancellation);

        var actual = await table.ReadAsync(Cancellation);

        actual.Unreadable.ShouldBeEmpty();
        var legacy = actual.Aliases[TestTable.Key("legacy@example.com")];
        legacy.ShouldBe(new AliasRecord(TestTable.Key("legacy@example.com"), "me@example.net", AliasState.Active, "id-legacy", 100, 150, 0)
        {
            LegacyTraits = LegacyTraits.Application | LegacyTraits.FullAddress | LegacyTraits.IgnoreAliasMissing | LegacyTraits.UseCountMissing,
        });
        var counted = actual.Aliases[TestTable.Key("counted@example.com")];
        (counted.State, counted.UseCount, counted.CreatedDatetime).ShouldBe((AliasState.Disabled, 1L, 100L));
        counted.LegacyTraits.ShouldBe(LegacyTraits.BooleanNotBool | LegacyTraits.NumberAsString);
        var domains = actual.ConfigSets[ConfigSetKind.SubDomains];
        domains.Values.ShouldBe(["example.com", "example.org"]);
        domains.LegacyTraits.ShouldBe(LegacyTraits.LegacyConfigValues);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(8)]
    public async Task Read_ManyPagesOverSegments_ReadsEveryItemOnceAndReportsProgress(int segments)
    {
        using var table = await TestTable.CreateAsync(fixture, Cancellation);
        // About 4 KB each: 1,200 items make several 1 MB scan pages per segment.
        var padding = new AttributeValue { S = new string('x', 4000) };
        var records = Enumerable.Range(0, 1200)
            .Select(i => new AliasRecord(TestTable.Key($"a{i:D4}@d{i % 7}.example"), "S3", AliasState.Active, $"id-{i}", 1, 1, i))
            .ToList();
        foreach (var chunk in records.Chunk(25))
        {
            await table.Client.BatchWriteItemAsync(new BatchWriteItemRequest
            {
                RequestItems = new()
                {
                    [table.Name] = [.. chunk.Select(r =>
                    {
                        var item = AliasItemCodec.Encode(r);
                        item["padding"] = padding;
                        return new WriteRequest { PutRequest = new PutRequest { Item = item } };
                    })],
                },
            }, Cancellation);
        }

        var reports = new List<int>();
        table.Requests.Reset();
        var actual = await new TableReader(table.Client, segments)
            .ReadAsync(table.Name, new SynchronousProgress<int>(count => { lock (reports) { reports.Add(count); } }), Cancellation);

        actual.Aliases.Values.ShouldBe(records.OrderBy(r => r.Key), ignoreOrder: false);
        reports.Max().ShouldBe(1200);
        reports.Distinct().Count().ShouldBe(reports.Count, "each page adds to the running total");
        table.Requests["Scan"].ShouldBeGreaterThanOrEqualTo(Math.Max(segments, 5));
    }

    [Fact]
    public async Task Read_NoSuchTable_SaysToRunInit()
    {
        var reader = new TableReader(fixture.Client);

        var exception = await Should.ThrowAsync<TableReadException>(() => reader.ReadAsync("no-such-table", null, Cancellation));

        exception.Message.ShouldBe("Table 'no-such-table' does not exist: run 'tacomail init' to create it, or check --table and --region.");
    }

    private static Dictionary<string, AttributeValue> Item(string subDomain, string alias, params (string Name, AttributeValue Value)[] attributes)
    {
        var item = ItemKeyCodec.Encode(new ItemKey(subDomain, alias));
        foreach (var (name, value) in attributes)
        {
            item[name] = value;
        }

        return item;
    }

    private static AttributeValue S(string value) => new() { S = value };

    private static AttributeValue N(string value) => new() { N = value };

    private static AttributeValue B(bool value) => new() { BOOL = value };
}
