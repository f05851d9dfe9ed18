using System.Collections.Immutable;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Time.Testing;
using TacoMail.Reconciler.Planning;
using TacoMail.Reconciler.Table;
using TacoMail.Reconciler.Table.Reading;
using TacoMail.Reconciler.Table.Writing;
using TacoMail.Schema.Model;
using TacoMail.Schema.Records;
using TacoMail.Schema.Settings;
using TacoMail.Schema.Table;
using TacoMail.Testing.DynamoDb;

namespace TacoMail.IntegrationTests.Table.Writing;

/// <summary>
/// A fresh contract table in the shared DynamoDB Local, with its own client whose requests are
/// counted, a fake clock, and the read → plan → apply loop the CLI runs.
/// </summary>
internal sealed class TestTable : IDisposable
{
    public static readonly DateTimeOffset Start = new(2025, 5, 1, 10, 0, 0, TimeSpan.Zero);

    private readonly AmazonDynamoDBClient _client;

    private TestTable(AmazonDynamoDBClient client, string name)
    {
        _client = client;
        Name = name;
        Requests = new RequestCounter(client);
    }

    public string Name { get; }

    public IAmazonDynamoDB Client => _client;

    public RequestCounter Requests { get; }

    public FakeTimeProvider Clock { get; } = new(Start);

    public long Now => Clock.GetUtcNow().ToUnixTimeSeconds();

    public static async Task<TestTable> CreateAsync(DynamoDbLocalFixture fixture, CancellationToken cancellationToken)
    {
        var client = TableClientFactory.ForEmulator(fixture.Endpoint);
        var name = DynamoDbLocalFixture.NewTableName("apply");
        await new TableInitializer().EnsureTableAsync(client, name, cancellationToken);
        return new TestTable(client, name);
    }

    public PlanApplier Applier(int parallelism = ApplyOptions.DefaultMaxParallelism) =>
        new(Client, Name, ApplyOptions.Default with { MaxParallelism = parallelism }, Clock, PlanApplier.NewIdentifier);

    public Task<ActualState> ReadAsync(CancellationToken cancellationToken) =>
        new TableReader(Client).ReadAsync(Name, progress: null, cancellationToken);

    public async Task<Plan> PlanAsync(DesiredState desired, CancellationToken cancellationToken) =>
        Planner.Plan(desired, await ReadAsync(cancellationToken), SafetyThresholds.Default with { MinAliases = int.MaxValue }, Clock.GetUtcNow());

    /// <summary>Reads, plans and applies like <c>tacomail apply</c>.</summary>
    public async Task<ApplyResult> ConvergeAsync(DesiredState desired, CancellationToken cancellationToken) =>
        await Applier().ApplyAsync(await PlanAsync(desired, cancellationToken), progress: null, cancellationToken);

    public async Task PutAsync(Dictionary<string, AttributeValue> item, CancellationToken cancellationToken) =>
        await Client.PutItemAsync(new PutItemRequest { TableName = Name, Item = item }, cancellationToken);

    public async Task<Dictionary<string, AttributeValue>?> GetAsync(string address, CancellationToken cancellationToken)
    {
        var response = await Client.GetItemAsync(
            new GetItemRequest { TableName = Name, Key = ItemKeyCodec.Encode(Key(address)), ConsistentRead = true }, cancellationToken);
        return response.Item is { Count: > 0 } item ? item : null;
    }

    public async Task<AliasRecord> RecordAsync(string address, CancellationToken cancellationToken)
    {
        var item = await GetAsync(address, cancellationToken) ?? throw new InvalidOperationException($"{address} does not exist.");
        return AliasItemCodec.Decode(item).Record ?? throw new InvalidOperationException($"{address} cannot be decoded.");
    }

    /// <summary>
    /// What the Lambda does for each message: <c>ADD use_count 1 SET last_used_datetime = now</c>
    /// (the clock's Unix seconds), only where the item exists.
    /// </summary>
    public async Task CountMessageAsync(string address, int messages, CancellationToken cancellationToken) =>
        await Client.UpdateItemAsync(
            new UpdateItemRequest
            {
                TableName = Name,
                Key = ItemKeyCodec.Encode(Key(address)),
                UpdateExpression = "ADD #count :one SET #last = :now",
                ConditionExpression = "attribute_exists(#key)",
                ExpressionAttributeNames = new()
                {
                    ["#count"] = TableContract.UseCount,
                    ["#last"] = TableContract.LastUsedDatetime,
                    ["#key"] = TableContract.SubDomain,
                },
                ExpressionAttributeValues = new()
                {
                    [":one"] = new AttributeValue { N = messages.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                    [":now"] = new AttributeValue { N = Now.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                },
            },
            cancellationToken);

    public void Dispose() => _client.Dispose();

    public static ItemKey Key(string address)
    {
        var at = address.IndexOf('@', StringComparison.Ordinal);
        return new ItemKey(address[(at + 1)..], address[..at]);
    }

    public static AliasSpec Spec(string address, string destination = "me@example.net", AliasState state = AliasState.Active) =>
        new(Key(address), destination, state);

    public static DesiredState Desired(IEnumerable<AliasSpec> aliases, params IEnumerable<(string From, string To)> renames)
    {
        var list = aliases.ToList();
        return new DesiredState(
            list.ToImmutableSortedDictionary(a => a.Key, a => a),
            [.. renames.Select(r => new Rename(Key(r.From), Key(r.To)))],
            list.Select(a => a.Key.SubDomain).ToImmutableSortedSet(StringComparer.Ordinal),
            list.Select(a => a.Destination).ToImmutableSortedSet(StringComparer.Ordinal));
    }
}
