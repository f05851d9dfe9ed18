using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Time.Testing;
using TacoMail.Reconciler.Planning;
using TacoMail.Reconciler.Table.Writing;
using TacoMail.Schema.Settings;
using static TacoMail.Reconciler.Tests.Planning.States;

namespace TacoMail.Reconciler.Tests.Table.Writing;

/// <summary>Every write of the applier goes through the fence, with a scripted client and a fake fence.</summary>
public sealed class FencedApplyTests
{
    private static readonly ApplyOptions Options = new(MaxParallelism: 2, MaxAttempts: 4, TimeSpan.Zero, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 5, 1, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Apply_FenceLapsed_SendsNothingAndSaysSo()
    {
        var client = new ScriptedDynamoDbClient(_clock);
        var fence = new FakeFence { Lapsed = true };

        var exception = await Should.ThrowAsync<ApplyFailedException>(() => Applier(client).ApplyAsync(Creates(30), fence, null, CancellationToken.None));

        client.Calls.ShouldBeEmpty();
        exception.Partial.Total.ShouldBe(0);
        exception.InnerException.ShouldBeOfType<FenceLapsedException>().Message.ShouldBe("lapsed (test)");
    }

    [Fact]
    public async Task Apply_EveryBatch_AsksTheFenceFirst()
    {
        var fence = new FakeFence();
        var client = new ScriptedDynamoDbClient(_clock)
        {
            // The lease lapses while the first batch is in flight: that batch lands, no other is sent.
            BatchWrite = _ =>
            {
                fence.Lapsed = true;
                return new BatchWriteItemResponse();
            },
        };

        var exception = await Should.ThrowAsync<ApplyFailedException>(() => new PlanApplier(client, "t", Options with { MaxParallelism = 1 }, _clock, PlanApplier.NewIdentifier)
            .ApplyAsync(Creates(60), fence, null, CancellationToken.None));

        client.Calls.Count.ShouldBe(1);
        fence.Checks.ShouldBe(2);
        exception.Partial.Summary.Create.ShouldBe(25);
        exception.InnerException.ShouldBeOfType<FenceLapsedException>();
    }

    [Fact]
    public async Task Apply_Transactions_CarryTheLockCheckLast()
    {
        var requests = new List<TransactWriteItemsRequest>();
        var client = new ScriptedDynamoDbClient(_clock)
        {
            TransactWrite = request =>
            {
                lock (requests)
                {
                    requests.Add(request);
                }

                return new TransactWriteItemsResponse();
            },
        };
        var old = Record("old@example.com");
        var desired = Desired([Spec("new@example.com"), Spec("shop@example.com", state: Schema.Model.AliasState.Paused)], [new Rename(Key("old@example.com"), Key("new@example.com"))]);
        var plan = Planner.Plan(desired, Actual([old, Record("shop@example.com")], desired), SafetyThresholds.Default, PlanTime.Now);
        var fence = new FakeFence();

        await Applier(client).ApplyAsync(plan, fence, null, CancellationToken.None);

        requests.Count.ShouldBe(2, "one rename, one update");
        requests.Select(r => r.TransactItems.Last()).ShouldAllBe(last => last == fence.Check);
        requests.Select(r => r.TransactItems.Count).Order().ShouldBe([2, 3]);
        fence.Sends.ShouldBe(2);
    }

    [Fact]
    public async Task Apply_LockCheckRefusedByDynamoDb_StopsWithoutRetrying()
    {
        var old = Record("shop@example.com");
        var desired = Desired([Spec("shop@example.com", state: Schema.Model.AliasState.Disabled)]);
        var plan = Planner.Plan(desired, Actual([old], desired), SafetyThresholds.Default, PlanTime.Now);
        var client = new ScriptedDynamoDbClient(_clock)
        {
            TransactWrite = _ => throw new TransactionCanceledException("cancelled")
            {
                CancellationReasons = [new CancellationReason { Code = "None" }, new CancellationReason { Code = "ConditionalCheckFailed" }],
            },
        };

        var exception = await Should.ThrowAsync<ApplyFailedException>(() => Applier(client).ApplyAsync(plan, new FakeFence(), null, CancellationToken.None));

        client.Calls.Count.ShouldBe(1);
        exception.Partial.Total.ShouldBe(0);
        exception.InnerException.ShouldBeOfType<FenceLapsedException>().Message.ShouldContain("no longer holds this run's lease");
    }

    private PlanApplier Applier(ScriptedDynamoDbClient client) => new(client, "t", Options, _clock, PlanApplier.NewIdentifier);

    private static Plan Creates(int count)
    {
        var desired = Desired(Enumerable.Range(0, count).Select(i => Spec($"a{i}@example.com")));
        return Planner.Plan(desired, Actual([], desired), SafetyThresholds.Default, PlanTime.Now);
    }

    private sealed class FakeFence : IWriteFence
    {
        private int _checks;
        private int _sends;

        public TransactWriteItem Check { get; } = new() { ConditionCheck = new ConditionCheck { TableName = "t", ConditionExpression = "lock" } };

        private volatile bool _lapsed;

        public bool Lapsed
        {
            get => _lapsed;
            set => _lapsed = value;
        }

        public int Checks => Volatile.Read(ref _checks);

        public int Sends => Volatile.Read(ref _sends);

        public void EnsureHeld()
        {
            Interlocked.Increment(ref _checks);
            if (Lapsed)
            {
                throw new FenceLapsedException("lapsed (test)");
            }
        }

        public Task<T> SendAsync<T>(Func<TransactWriteItem?, Task<T>> send, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _sends);
            EnsureHeld();
            return send(Check);
        }
    }
}
