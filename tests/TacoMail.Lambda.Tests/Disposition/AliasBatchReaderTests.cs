using Microsoft.Extensions.Time.Testing;
using TacoMail.MailPath.Recipients;
using TacoMail.Schema.Model;
using TacoMail.Schema.Records;
using TacoMail.Schema.Routing;
using TacoMail.Schema.Settings;
using TacoMail.Schema.Table;
using static TacoMail.Lambda.Tests.Disposition.TestAliases;

namespace TacoMail.Lambda.Tests.Disposition;

public sealed class AliasBatchReaderTests : IDisposable
{
    private readonly InMemoryDynamoDb _dynamo = new();
    private readonly AliasBatchReader _reader;

    public AliasBatchReaderTests()
    {
        _reader = new AliasBatchReader(_dynamo, "aliases", new FakeTimeProvider());
    }

    public void Dispose() => _dynamo.Dispose();

    [Fact]
    public async Task ReadAsync_SeveralKeys_OneBatchGetWithDuplicatesRemoved()
    {
        _dynamo.Put(Alias("shop@example.com", AliasState.Active));

        var found = (await _reader.ReadAsync(
            [Key("shop@example.com"), Key("shop@example.com"), Key("nobody@example.com")], withSettings: false, TestContext.Current.CancellationToken)).Aliases;

        var request = _dynamo.BatchGets.ShouldHaveSingleItem();
        request.RequestItems["aliases"].Keys.Count.ShouldBe(2);
        found.Keys.ShouldBe([Key("shop@example.com")]);
        found[Key("shop@example.com")].Record!.State.ShouldBe(AliasState.Active);
    }

    [Fact]
    public async Task ReadAsync_Request_ProjectsOnlyWhatTheDecodersNeed()
    {
        await _reader.ReadAsync([Key("shop@example.com")], withSettings: false, TestContext.Current.CancellationToken);

        var keys = _dynamo.BatchGets.ShouldHaveSingleItem().RequestItems["aliases"];
        keys.ConsistentRead.ShouldNotBe(true);
        keys.ExpressionAttributeNames.Values.ShouldBe(
            [
                TableContract.SubDomain, TableContract.AliasAddress, TableContract.ActiveAlias, TableContract.IgnoreAlias,
                TableContract.Destination, TableContract.Identifier, TableContract.CreatedDatetime, TableContract.ModifiedDatetime,
                .. SettingsItemCodec.AttributeNames,
                TableContract.ReplyAlias, TableContract.ReplyCorrespondent, TableContract.LastUsedDatetime,
            ],
            ignoreOrder: true);
        keys.ProjectionExpression.Split(", ").ShouldBe(keys.ExpressionAttributeNames.Keys, ignoreOrder: true);
    }

    [Fact]
    public async Task ReadAsync_ProjectedItem_DecodesToTheStoredRecord()
    {
        var record = Alias("shop@example.com", AliasState.Paused);
        _dynamo.Put(record);

        var found = (await _reader.ReadAsync([record.Key], withSettings: false, TestContext.Current.CancellationToken)).Aliases;

        // use_count is not projected, so the decoder sees 0 and notes it as missing.
        found[record.Key].Record!.ShouldBe(record with { UseCount = 0, LegacyTraits = found[record.Key].Record!.LegacyTraits });
        found[record.Key].UnreadableReason.ShouldBeNull();
    }

    [Fact]
    public async Task ReadAsync_MoreThanOneHundredKeys_ChunksTheRequests()
    {
        var keys = Enumerable.Range(0, 150).Select(i => new ItemKey("example.com", $"a{i}")).ToList();

        await _reader.ReadAsync(keys, withSettings: false, TestContext.Current.CancellationToken);

        _dynamo.BatchGets.Select(r => r.RequestItems["aliases"].Keys.Count).ShouldBe([100, 50]);
    }

    [Fact]
    public async Task ReadAsync_UnreadableItem_ReportsTheReason()
    {
        var item = AliasItemCodec.Encode(Alias("broken@example.com", AliasState.Active));
        item[TableContract.ActiveAlias] = new Amazon.DynamoDBv2.Model.AttributeValue { S = "maybe" };
        _dynamo.Put(item);

        var found = (await _reader.ReadAsync([Key("broken@example.com")], withSettings: false, TestContext.Current.CancellationToken)).Aliases;

        found[Key("broken@example.com")].Record.ShouldBeNull();
        found[Key("broken@example.com")].UnreadableReason.ShouldBe("item (example.com, broken): attribute 'active_alias' is not a boolean");
    }

    [Fact]
    public async Task ReadAsync_WithSettings_ReadsTheSettingsItemInTheSameRequest()
    {
        var declared = new DeclaredSettings(
            new RoutingSettings("b@example.com", "f@example.com", SubAddressSeparators.Default, MessagePolicy.Default), SafetyThresholds.Default);
        _dynamo.Put(SettingsItemCodec.Encode(declared));
        _dynamo.Put(Alias("shop@example.com", AliasState.Active));

        var found = await _reader.ReadAsync([Key("shop@example.com")], withSettings: true, TestContext.Current.CancellationToken);

        _dynamo.BatchGets.ShouldHaveSingleItem().RequestItems["aliases"].Keys.Count.ShouldBe(2);
        found.Settings!.Record.ShouldBe(declared);
        found.Aliases.Keys.ShouldBe([Key("shop@example.com")]);
    }

    [Fact]
    public async Task ReadAsync_NoKeys_NoRequest()
    {
        (await _reader.ReadAsync([], withSettings: false, TestContext.Current.CancellationToken)).Aliases.ShouldBeEmpty();

        _dynamo.BatchGets.ShouldBeEmpty();
    }
}
