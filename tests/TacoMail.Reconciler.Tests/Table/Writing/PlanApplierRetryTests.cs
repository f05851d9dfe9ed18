using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using TacoMail.Reconciler.Planning;
using TacoMail.Reconciler.Table.Writing;
using TacoMail.Schema.Records;
using TacoMail.Schema.Settings;
using TacoMail.Testing.Time;
using static TacoMail.Reconciler.Tests.Planning.States;

namespace TacoMail.Reconciler.Tests.Table.Writing;

/// <summary>The applier's own retries, driven by a scripted client and a fake clock.</summary>
public sealed class PlanApplierRetryTests
{
    private static readonly ApplyOptions Options = new(MaxParallelism: 2, MaxAttempts: 4, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1));

    private readonly TimerTrackingTimeProvider _clock = new(new DateTimeOffset(2025, 5, 1, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Apply_UnprocessedItems_AreRetriedAfterABackoffUntilDone()
    {
        var plan = CreatesOf(30);
        var client = new ScriptedDynamoDbClient(_clock)
        {
            BatchWrite = request =>
            {
                var writes = request.RequestItems.Values.Single();
                // Each first call leaves its last two writes unprocessed, as a throttled table does; the retries carry two.
                return writes.Count > 2
                    ? new BatchWriteItemResponse { UnprocessedItems = new() { ["t"] = writes[^2..] } }
                    : new BatchWriteItemResponse();
            },
        };

        var result = await RunAsync(Applier(client).ApplyAsync(plan, null, CancellationToken.None));

        result.Summary.Create.ShouldBe(30);
        result.AliasChanges.Select(c => c.Change.Key).ShouldBe(plan.AliasChanges.Select(c => c.Key));
        client.Calls.Count.ShouldBe(4, "two batches of 25 and 5, each retried once for its two unprocessed writes");
        var retries = client.Calls.Skip(2).ToList();
        retries.ShouldAllBe(c => c.At - client.Calls[0].At >= TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public async Task Apply_ItemsLeftUnprocessedEveryTime_FailsAfterTheLastAttemptWithWhatWasDone()
    {
        var plan = CreatesOf(3);
        var client = new ScriptedDynamoDbClient(_clock)
        {
            BatchWrite = request => new BatchWriteItemResponse { UnprocessedItems = new() { ["t"] = request.RequestItems["t"][..1] } },
        };

        var exception = await Should.ThrowAsync<ApplyFailedException>(() => RunAsync(Applier(client).ApplyAsync(plan, null, CancellationToken.None)));

        client.Calls.Count.ShouldBe(4);
        exception.Partial.Summary.Create.ShouldBe(2);
        exception.InnerException.ShouldBeOfType<ChangeFailedException>().Message.ShouldBe(
            "DynamoDB left 1 writes unprocessed after 4 attempts (the table is throttling), e.g. a0@example.com; "
            + "try again later or raise the table's capacity.");
    }

    [Fact]
    public async Task Apply_RenameInATransactionConflict_IsRetriedAfterABackoff()
    {
        var old = Record("old@example.com", useCount: 9);
        var desired = Desired([Spec("new@example.com")], [new Rename(Key("old@example.com"), Key("new@example.com"))]);
        var plan = Planner.Plan(desired, Actual([old], desired), SafetyThresholds.Default, PlanTime.Now);
        var conflicts = 0;
        var client = new ScriptedDynamoDbClient(_clock)
        {
            TransactWrite = request => ++conflicts <= 2
                ? throw new TransactionCanceledException("conflict")
                {
                    CancellationReasons = [new CancellationReason { Code = "TransactionConflict" }, new CancellationReason { Code = "None" }],
                }
                : new TransactWriteItemsResponse(),
        };

        var result = await RunAsync(Applier(client).ApplyAsync(plan, null, CancellationToken.None));

        result.AliasChanges.ShouldHaveSingleItem().Identifier.ShouldBe(old.Identifier);
        client.Calls.Select(c => c.Operation).ShouldBe(["TransactWriteItems", "TransactWriteItems", "TransactWriteItems"]);
        (client.Calls[2].At - client.Calls[1].At).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(100), "the second wait is longer");
    }

    [Fact]
    public async Task Apply_DynamoDbRefusesABatch_FailsNamingTheBatch()
    {
        var plan = CreatesOf(2);
        var client = new ScriptedDynamoDbClient(_clock)
        {
            BatchWrite = _ => throw new AmazonDynamoDBException("Item size has exceeded the maximum allowed size") { ErrorCode = "ValidationException" },
        };

        var exception = await Should.ThrowAsync<ApplyFailedException>(() => Applier(client).ApplyAsync(plan, null, CancellationToken.None));

        exception.InnerException!.Message.ShouldBe(
            "DynamoDB refused creating 2 aliases (a0@example.com … a1@example.com): Item size has exceeded the maximum allowed size (ValidationException)");
        exception.Partial.Total.ShouldBe(0);
    }

    [Fact]
    public async Task Apply_Create_UsesTheIdentifierFactoryAndTheClock()
    {
        var plan = CreatesOf(1);
        Dictionary<string, AttributeValue>? written = null;
        var client = new ScriptedDynamoDbClient(_clock)
        {
            BatchWrite = request =>
            {
                written = request.RequestItems["t"].Single().PutRequest.Item;
                return new BatchWriteItemResponse();
            },
        };

        await new PlanApplier(client, "t", Options, _clock, () => "id-1").ApplyAsync(plan, null, CancellationToken.None);

        var record = AliasItemCodec.Decode(written.ShouldNotBeNull()).Record.ShouldNotBeNull();
        record.ShouldBe(new AliasRecord(Key("a0@example.com"), "me@gmail.com", Schema.Model.AliasState.Active, "id-1", 1_746_093_600, 1_746_093_600, 0));
    }

    [Fact]
    public void NewIdentifier_IsALowerCaseUuidVersion4()
    {
        PlanApplier.NewIdentifier().ShouldMatch("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
        PlanApplier.NewIdentifier().ShouldNotBe(PlanApplier.NewIdentifier());
    }

    private static Plan CreatesOf(int count)
    {
        var desired = Desired(Enumerable.Range(0, count).Select(i => Spec($"a{i}@example.com")));
        return Planner.Plan(desired, Actual([], desired), SafetyThresholds.Default, PlanTime.Now);
    }

    private PlanApplier Applier(IAmazonDynamoDB client) => new(client, "t", Options, _clock, PlanApplier.NewIdentifier);

    /// <summary>Awaits <paramref name="apply"/>, moving the fake clock on 10 ms at a time while it waits out a backoff.</summary>
    private Task<T> RunAsync<T>(Task<T> apply) =>
        _clock.AdvanceWhileWaitingAsync(apply, TimeSpan.FromMilliseconds(10), Options.MaxDelay, TestContext.Current.CancellationToken);
}
