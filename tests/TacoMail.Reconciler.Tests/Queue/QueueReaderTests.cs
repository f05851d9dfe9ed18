using System.Text;
using Microsoft.Extensions.Time.Testing;
using TacoMail.Reconciler.Queue;
using TacoMail.Schema.Queue;
using static TacoMail.Reconciler.Tests.Queue.QueueEntries;

namespace TacoMail.Reconciler.Tests.Queue;

public sealed class QueueReaderTests
{
    private static Task<QueueSnapshot> ReadAsync(InMemoryQueueStore store) =>
        new QueueReader(store, new FakeTimeProvider(Now)).ReadAsync(TestContext.Current.CancellationToken);

    [Fact]
    public async Task ReadAsync_QueuedAndFailed_ListsOldestFirstWithAgesFromTheClock()
    {
        var store = new InMemoryQueueStore()
            .Put(Queued("young", TimeSpan.FromMinutes(12)))
            .Put(Failed("ancient", TimeSpan.FromDays(5.5)))
            .Put(Queued("middle", TimeSpan.FromHours(2) + TimeSpan.FromMinutes(10)))
            .Put(MailBucketLayout.FailedKey("ancient"), [1, 2, 3])
            .Put(MailBucketLayout.IncomingKey("young"), [1]);

        var snapshot = await ReadAsync(store);

        snapshot.Items.Select(i => (i.MessageId, i.State)).ShouldBe(
        [
            ("ancient", QueueEntryState.Failed),
            ("middle", QueueEntryState.Queued),
            ("young", QueueEntryState.Queued),
        ]);
        snapshot.At.ShouldBe(Now);
        (snapshot.Queued, snapshot.Failed, snapshot.Unreadable).ShouldBe((2, 1, 0));
        snapshot.OldestAge.ShouldBe(TimeSpan.FromDays(5.5));
        QueueText.Summary(snapshot).ShouldBe("2 queued, 1 failed; oldest 5 d 12 h");
    }

    [Fact]
    public async Task ReadAsync_UnreadableEntries_AreListedLastWithTheirKeyAndProblem()
    {
        var store = new InMemoryQueueStore()
            .Put(Queued("good", TimeSpan.FromHours(1)))
            .Put("queue/broken.json", Encoding.UTF8.GetBytes("{\"format_version\": 1"))
            .Put("queue/future.json", Encoding.UTF8.GetBytes("{\"format_version\": 2}"))
            .Put("queue/other.json", QueueEntryCodec.Encode(Queued("someone-else", TimeSpan.FromHours(1))))
            .Put("queue/notes.txt", [1])
            .Put("failed/lonely", [1]);
        store.Put("queue/gone.json", [1]).FailingKey = "queue/gone.json";

        var snapshot = await ReadAsync(store);

        snapshot.Items[0].MessageId.ShouldBe("good");
        snapshot.Items.Skip(1).Select(i => i.Key).ShouldBe(
            ["failed/lonely", "queue/broken.json", "queue/future.json", "queue/gone.json", "queue/notes.txt", "queue/other.json"]);
        var problems = snapshot.Items.Skip(1).ToDictionary(i => i.Key, i => i.Problem);
        problems["failed/lonely"].ShouldBe("a failed message without its entry failed/lonely.json");
        problems["queue/broken.json"]!.ShouldStartWith("unreadable queue entry:");
        problems["queue/future.json"].ShouldBe("unreadable queue entry: format_version is not 1");
        problems["queue/gone.json"]!.ShouldContain("NoSuchKey");
        problems["queue/notes.txt"]!.ShouldStartWith("not a queue entry");
        problems["queue/other.json"].ShouldBe("the entry names message 'someone-else', not the 'other' of its key");
        QueueText.Summary(snapshot).ShouldBe("1 queued, 0 failed, 6 unreadable; oldest 1 h");
    }

    [Fact]
    public async Task ReadAsync_EmptyBucket_SaysSo()
    {
        var snapshot = await ReadAsync(new InMemoryQueueStore().Put("mailbox/example.com/shop/new/1.T1.tacomail", [1]));

        snapshot.Items.ShouldBeEmpty();
        snapshot.OldestAge.ShouldBeNull();
        QueueText.Summary(snapshot).ShouldBe("0 queued, 0 failed");
    }
}
