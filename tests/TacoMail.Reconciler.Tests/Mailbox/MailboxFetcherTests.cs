using TacoMail.Reconciler.Mailbox;
using static TacoMail.Reconciler.Tests.Mailbox.TemporaryMaildir;

namespace TacoMail.Reconciler.Tests.Mailbox;

/// <summary>The Maildir delivery protocol: write to tmp, fsync, rename into new, fsync new, then delete.</summary>
public sealed partial class MailboxFetcherTests
{
    [Fact]
    public async Task FetchAsync_NewMessage_WritesFlushesRenamesAndSyncsBeforeDeleting()
    {
        using var maildir = new TemporaryMaildir();
        var key = Key("shop@example.com", 1);
        maildir.Store.Put(key, Body(1));

        var (_, result) = await maildir.FetchAsync();

        result.Succeeded.ShouldBeTrue();
        maildir.Journal.Entries.ShouldBe(
        [
            $"list {Prefix}",
            $"get {key}",
            $"flush tmp/{Name(1)} {Body(1).Length}",
            $"sync new new=[{Name(1)}] tmp=[]",
            $"delete {key}",
        ]);
    }

    [Fact]
    public async Task FetchAsync_NewMessage_DeliversByteIdenticalFileIntoNewAndEmptiesTheStore()
    {
        using var maildir = new TemporaryMaildir();
        var body = new byte[300_000];
        new Random(6).NextBytes(body);
        maildir.Store.Put(Key("shop@example.com", 1), body);

        var (_, result) = await maildir.FetchAsync();

        result.Fetched.ShouldBe(1);
        result.BytesFetched.ShouldBe(body.Length);
        (await File.ReadAllBytesAsync(maildir.PathOf($"new/{Name(1)}"), TestContext.Current.CancellationToken)).ShouldBe(body);
        maildir.FilesIn("tmp").ShouldBeEmpty();
        maildir.FilesIn("cur").ShouldBeEmpty();
        maildir.Store.Keys.ShouldBeEmpty();
    }

    [Fact]
    public async Task FetchAsync_ManyMessagesInParallel_FollowsTheProtocolForEach()
    {
        using var maildir = new TemporaryMaildir();
        var keys = Enumerable.Range(1, 40).Select(n => Key(n % 2 == 0 ? "shop@example.com" : "bank@example.org", n)).ToList();
        foreach (var (key, n) in keys.Select((k, i) => (k, i + 1)))
        {
            maildir.Store.Put(key, Body(n));
        }

        var (_, result) = await maildir.FetchAsync(parallelism: 8);

        result.Fetched.ShouldBe(40);
        maildir.FilesIn("new").Length.ShouldBe(40);
        maildir.Store.Keys.ShouldBeEmpty();
        var entries = maildir.Journal.Entries;
        foreach (var (key, n) in keys.Select((k, i) => (k, i + 1)))
        {
            var flushed = IndexOf(entries, e => e.StartsWith($"flush tmp/{Name(n)} ", StringComparison.Ordinal));
            var synced = IndexOf(entries, e => e.StartsWith("sync new ", StringComparison.Ordinal) && InNew(e, Name(n)));
            var deleted = IndexOf(entries, e => e == $"delete {key}");
            flushed.ShouldBeGreaterThan(IndexOf(entries, e => e == $"get {key}"));
            synced.ShouldBeGreaterThan(flushed);
            deleted.ShouldBeGreaterThan(synced);
        }
    }

    [Fact]
    public async Task FetchAsync_MessagesForSeveralAliases_AllLandInOneFlatMaildir()
    {
        using var maildir = new TemporaryMaildir();
        maildir.Store.Put(Key("shop@example.com", 1), Body(1)).Put(Key("bank@example.org", 2), Body(2));

        await maildir.FetchAsync();

        maildir.FilesIn("new").ShouldBe([Name(1), Name(2)]);
        Directory.EnumerateDirectories(maildir.Root).Select(Path.GetFileName).Order(StringComparer.Ordinal).ShouldBe(["cur", "new", "tmp"]);
    }

    [Fact]
    public async Task ListAsync_WithAlias_ListsOnlyThatAliasNewFolder()
    {
        using var maildir = new TemporaryMaildir();
        maildir.Store.Put(Key("shop@example.com", 1), Body(1)).Put(Key("shop2@example.com", 2), Body(2)).Put(Key("bank@example.com", 3), Body(3));

        var (listing, _) = await maildir.InterruptibleFetchAsync(TestContext.Current.CancellationToken, alias: "Shop@Example.com");

        listing.Messages.ShouldHaveSingleItem().ShouldBe(new MailboxMessage(Key("shop@example.com", 1), "example.com", "shop", Name(1), Body(1).Length));
        listing.Ignored.ShouldBe(0);
        maildir.Journal.Entries[0].ShouldBe($"list {Prefix}example.com/shop/new/");
        maildir.Store.Keys.ShouldBe([Key("bank@example.com", 3), Key("shop2@example.com", 2)]);
    }

    [Fact]
    public async Task ListAsync_ObjectsOutsideTheKeyLayout_AreIgnoredAndNeverDeleted()
    {
        using var maildir = new TemporaryMaildir();
        string[] strays =
        [
            $"{Prefix}README.txt",
            $"{Prefix}example.com/shop/cur/{Name(1)}:2,S",
            $"{Prefix}example.com/shop/new/.hidden",
            $"{Prefix}example.com/shop/new/sub/{Name(2)}",
        ];
        foreach (var stray in strays)
        {
            maildir.Store.Put(stray, Body(9));
        }

        maildir.Store.Put($"{Prefix}example.com/", []).Put(Key("shop@example.com", 3), Body(3));

        var (listing, result) = await maildir.FetchAsync();

        listing.Messages.Select(m => m.Name).ShouldBe([Name(3)]);
        listing.Ignored.ShouldBe(strays.Length);
        result.Fetched.ShouldBe(1);
        maildir.Store.Keys.ShouldBe([.. strays.Append($"{Prefix}example.com/").Order(StringComparer.Ordinal)]);
    }

    private static int IndexOf(IReadOnlyList<string> entries, Func<string, bool> match)
    {
        var index = entries.ToList().FindIndex(e => match(e));
        index.ShouldBeGreaterThanOrEqualTo(0, "no such journal entry");
        return index;
    }

    /// <summary>Whether a <c>sync new</c> entry saw <paramref name="name"/> in <c>new/</c> (not just in <c>tmp/</c>).</summary>
    private static bool InNew(string syncEntry, string name)
    {
        var start = syncEntry.IndexOf("new=[", StringComparison.Ordinal) + "new=[".Length;
        return syncEntry[start..syncEntry.IndexOf(']', start)].Split(',').Contains(name);
    }
}
