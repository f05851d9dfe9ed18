using Microsoft.Extensions.Time.Testing;
using Spectre.Console.Testing;
using TacoMail.Reconciler.Queue;
using TacoMail.Schema.Queue;
using static TacoMail.Reconciler.Tests.Queue.QueueEntries;

namespace TacoMail.Reconciler.Tests.Queue;

public sealed class QueueActionsTests
{
    private static readonly KeyValuePair<string, string> Done = new("tacomail-done-1", "a1b2");
    private static readonly KeyValuePair<string, string> Finished = new(MailBucketLayout.StateTag, MailBucketLayout.FinishedState);

    private readonly InMemoryQueueStore _store = new();
    private readonly TestConsole _console = new TestConsole().Width(400);

    private QueueActions Actions() => new(_store, new FakeTimeProvider(Now), _console, showSenders: false);

    [Fact]
    public async Task RetryAsync_QueuedMessage_SetsTheNextAttemptToNowAndKeepsTheRest()
    {
        var entry = Queued("abc", TimeSpan.FromHours(3), attempts: 4, nextIn: TimeSpan.FromMinutes(40));
        _store.Put(entry).Put(MailBucketLayout.IncomingKey("abc"), [1, 2]);

        await Actions().RetryAsync("abc", TestContext.Current.CancellationToken);

        _store.Entry("queue/abc.json").ShouldBe(entry with { NextAttemptAt = Now }, new EntryComparer());
        _store.Keys.ShouldBe(["incoming/abc", "queue/abc.json"]);
        _console.Output.ShouldContain("queued message abc: next attempt now (was in 40 min)");
    }

    [Fact]
    public async Task RetryAsync_FailedMessage_MovesItBackIntoTheQueueWithItsProgressMarksButNotTheFinishedTag()
    {
        var entry = Failed("abc", TimeSpan.FromDays(6));
        _store.Put(entry).Put(MailBucketLayout.FailedKey("abc"), [7, 8, 9], Done, Finished);

        await Actions().RetryAsync("abc", TestContext.Current.CancellationToken);

        _store.Keys.ShouldBe(["incoming/abc", "queue/abc.json"]);
        _store["incoming/abc"].ShouldBe([7, 8, 9]);
        _store.TagsOf("incoming/abc").ShouldBe([Done]);
        var requeued = _store.Entry("queue/abc.json");
        requeued.ShouldBe(entry with { State = QueueEntryState.Queued, Attempts = 0, NextAttemptAt = Now }, new EntryComparer());
        _store.Deleted.ShouldBe(["failed/abc.json", "failed/abc"]);
        _console.Output.ShouldContain("moved failed message abc back into the queue (failed/abc → incoming/abc, failed/abc.json → queue/abc.json, attempts 0)");
    }

    [Fact]
    public async Task RetryAsync_FailedRetryInterruptedAfterTheCopy_FinishesWhenRunAgain()
    {
        var entry = Failed("abc", TimeSpan.FromDays(6));
        _store.Put(entry).Put(MailBucketLayout.IncomingKey("abc"), [7, 8, 9]);

        await Actions().RetryAsync("abc", TestContext.Current.CancellationToken);

        _store.Keys.ShouldBe(["incoming/abc", "queue/abc.json"]);
        _store["incoming/abc"].ShouldBe([7, 8, 9]);
    }

    [Fact]
    public async Task RetryAsync_FailedEntryWithoutItsMessage_RefusesAndTouchesNothing()
    {
        _store.Put(Failed("abc", TimeSpan.FromDays(6)));

        var error = await Should.ThrowAsync<TacoMailException>(() => Actions().RetryAsync("abc", TestContext.Current.CancellationToken));

        error.Message.ShouldContain("neither failed/abc nor incoming/abc exists");
        error.Message.ShouldContain("--discard abc");
        _store.Keys.ShouldBe(["failed/abc.json"]);
    }

    [Fact]
    public async Task RetryAsync_UnreadableEntry_RefusesAndPointsAtDiscard()
    {
        _store.Put("queue/abc.json", [(byte)'x']).Put("incoming/abc", [1]);

        var error = await Should.ThrowAsync<TacoMailException>(() => Actions().RetryAsync("abc", TestContext.Current.CancellationToken));

        error.Message.ShouldStartWith("--retry: queue/abc.json cannot be read (unreadable queue entry:");
        _store.Deleted.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("../etc/passwd", "is not a message id")]
    [InlineData("abc.json", "is not a message id")]
    [InlineData("missing", "no message 'missing' waits in the bucket (neither queue/missing.json nor failed/missing.json exists)")]
    public async Task RetryAndDiscard_BadOrUnknownId_FailWithAClearMessage(string id, string message)
    {
        _store.Put(Queued("abc", TimeSpan.FromHours(1))).Put("incoming/abc", [1]);

        var retry = await Should.ThrowAsync<TacoMailException>(() => Actions().RetryAsync(id, TestContext.Current.CancellationToken));
        var discard = await Should.ThrowAsync<TacoMailException>(() => Actions().DiscardAsync(id, TestContext.Current.CancellationToken));

        retry.Message.ShouldStartWith("--retry: ");
        retry.Message.ShouldContain(message);
        discard.Message.ShouldStartWith("--discard: ");
        discard.Message.ShouldContain(message);
        _store.Keys.ShouldBe(["incoming/abc", "queue/abc.json"]);
    }

    [Fact]
    public async Task DiscardAsync_QueuedMessage_PrintsWhatGoesThenDeletesTheMessageAndTheEntry()
    {
        _store.Put(Queued("abc", TimeSpan.FromMinutes(130))).Put("incoming/abc", [1]).Put(Queued("keep", TimeSpan.FromHours(1)));

        await Actions().DiscardAsync("abc", TestContext.Current.CancellationToken);

        _store.Deleted.ShouldBe(["incoming/abc", "queue/abc.json"]);
        _store.Keys.ShouldBe(["queue/keep.json"]);
        var output = _console.Output;
        output.ShouldContain("discarding queued message abc (received 2026-11-29 09:50Z, 2 h 10 min ago; to shop@example.com; from j***@sender.example; attempts 1)");
        output.ShouldContain("deleting incoming/abc, queue/abc.json");
        output.IndexOf("deleting", StringComparison.Ordinal).ShouldBeLessThan(output.IndexOf("discarded abc", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DiscardAsync_FailedMessage_DeletesBothObjectsUnderFailed()
    {
        _store.Put(Failed("abc", TimeSpan.FromDays(6))).Put("failed/abc", [1]);

        await Actions().DiscardAsync("abc", TestContext.Current.CancellationToken);

        _store.Deleted.ShouldBe(["failed/abc", "failed/abc.json"]);
        _store.Keys.ShouldBeEmpty();
    }

    [Fact]
    public async Task DiscardAsync_UnreadableEntry_IsDiscardedToo()
    {
        _store.Put("queue/abc.json", [(byte)'x']).Put("incoming/abc", [1]);

        await Actions().DiscardAsync("abc", TestContext.Current.CancellationToken);

        _store.Keys.ShouldBeEmpty();
        _console.Output.ShouldContain("its entry queue/abc.json is unreadable");
    }

    /// <summary>Records with lists compare by reference; an entry is equal when it encodes the same.</summary>
    private sealed class EntryComparer : IEqualityComparer<QueueEntry>
    {
        public bool Equals(QueueEntry? x, QueueEntry? y) =>
            x is not null && y is not null && QueueEntryCodec.Encode(x).AsSpan().SequenceEqual(QueueEntryCodec.Encode(y));

        public int GetHashCode(QueueEntry obj) => obj.MessageId.GetHashCode(StringComparison.Ordinal);
    }
}
