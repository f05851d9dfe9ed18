using TacoMail.Reconciler.Mailbox;
using static TacoMail.Reconciler.Tests.Mailbox.TemporaryMaildir;

namespace TacoMail.Reconciler.Tests.Mailbox;

/// <summary>Running again after an interruption neither loses nor duplicates a message.</summary>
public sealed partial class MailboxFetcherTests
{
    [Fact]
    public async Task FetchAsync_MessageAlreadyInNew_DeletesItWithoutDownloading()
    {
        using var maildir = new TemporaryMaildir();
        var key = Key("shop@example.com", 1);
        maildir.Store.Put(key, Body(1));
        Directory.CreateDirectory(maildir.PathOf("new"));
        await File.WriteAllBytesAsync(maildir.PathOf($"new/{Name(1)}"), Body(1), TestContext.Current.CancellationToken);

        var (_, result) = await maildir.FetchAsync();

        result.AlreadyPresent.ShouldBe(1);
        result.Fetched.ShouldBe(0);
        maildir.Journal.Entries.ShouldBe([$"list {Prefix}", $"delete {key}"]);
        maildir.FilesIn("new").ShouldBe([Name(1)]);
        maildir.Store.Keys.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(":2,S")]
    [InlineData(":2,RS")]
    [InlineData(":2,")]
    [InlineData("")]
    public async Task FetchAsync_MessageAlreadyInCur_DeletesItWithoutDownloading(string info)
    {
        using var maildir = new TemporaryMaildir();
        var key = Key("shop@example.com", 1);
        maildir.Store.Put(key, Body(1));
        Directory.CreateDirectory(maildir.PathOf("cur"));
        await File.WriteAllBytesAsync(maildir.PathOf($"cur/{Name(1)}{info}"), Body(1), TestContext.Current.CancellationToken);

        var (_, result) = await maildir.FetchAsync();

        result.AlreadyPresent.ShouldBe(1);
        maildir.Journal.About("get ").ShouldBeEmpty();
        maildir.FilesIn("new").ShouldBeEmpty();
        maildir.FilesIn("cur").ShouldBe([$"{Name(1)}{info}"]);
        maildir.Store.Keys.ShouldBeEmpty();
    }

    [Fact]
    public async Task FetchAsync_OtherMessageWithSimilarNameInCur_IsStillFetched()
    {
        using var maildir = new TemporaryMaildir();
        maildir.Store.Put(Key("shop@example.com", 1), Body(1));
        Directory.CreateDirectory(maildir.PathOf("cur"));
        await File.WriteAllBytesAsync(maildir.PathOf($"cur/{Name(1)}x:2,S"), Body(2), TestContext.Current.CancellationToken);

        var (_, result) = await maildir.FetchAsync();

        result.Fetched.ShouldBe(1);
        maildir.FilesIn("new").ShouldBe([Name(1)]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task FetchAsync_CrashBetweenRenameAndDelete_RerunOnlyDeletes(bool clientMovedItToCur)
    {
        using var maildir = new TemporaryMaildir();
        var key = Key("shop@example.com", 1);
        maildir.Store.Put(key, Body(1));
        maildir.Store.FailDeletes = true;

        var (_, first) = await maildir.FetchAsync();

        first.Failures.ShouldHaveSingleItem().Delivered.ShouldBeTrue();
        first.Fetched.ShouldBe(1);
        maildir.FilesIn("new").ShouldBe([Name(1)]);
        maildir.Store.Keys.ShouldBe([key]);
        if (clientMovedItToCur)
        {
            File.Move(maildir.PathOf($"new/{Name(1)}"), maildir.PathOf($"cur/{Name(1)}:2,S"));
        }

        maildir.Store.FailDeletes = false;
        var before = maildir.Journal.Entries.Count;
        var (_, second) = await maildir.FetchAsync();

        second.Succeeded.ShouldBeTrue();
        second.Fetched.ShouldBe(0);
        second.AlreadyPresent.ShouldBe(1);
        maildir.Journal.Entries.Skip(before).ShouldBe([$"list {Prefix}", $"delete {key}"]);
        maildir.FilesIn("new").Concat(maildir.FilesIn("cur")).ShouldHaveSingleItem();
        maildir.Store.Keys.ShouldBeEmpty();
    }

    [Fact]
    public async Task FetchAsync_StaleTmpFileFromCrashedRun_IsReplacedByTheWholeMessage()
    {
        using var maildir = new TemporaryMaildir();
        maildir.Store.Put(Key("shop@example.com", 1), Body(1));
        Directory.CreateDirectory(maildir.PathOf("tmp"));
        await File.WriteAllBytesAsync(maildir.PathOf($"tmp/{Name(1)}"), new byte[10_000], TestContext.Current.CancellationToken);

        var (_, result) = await maildir.FetchAsync();

        result.Fetched.ShouldBe(1);
        (await File.ReadAllBytesAsync(maildir.PathOf($"new/{Name(1)}"), TestContext.Current.CancellationToken)).ShouldBe(Body(1));
        maildir.FilesIn("tmp").ShouldBeEmpty();
    }

    [Fact]
    public async Task FetchAsync_CancelledAfterFirstMessage_RerunDeliversEachMessageExactlyOnce()
    {
        using var maildir = new TemporaryMaildir();
        for (var n = 1; n <= 5; n++)
        {
            maildir.Store.Put(Key("shop@example.com", n), Body(n));
        }

        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var cancelOnFirst = new InlineReport(_ => cancellation.Cancel());

        var (_, first) = await maildir.InterruptibleFetchAsync(cancellation.Token, cancelOnFirst);
        var (_, second) = await maildir.FetchAsync();

        first.Interrupted.ShouldBeTrue();
        first.Fetched.ShouldBe(1);
        second.Fetched.ShouldBe(4);
        second.AlreadyPresent.ShouldBe(0);
        maildir.FilesIn("new").ShouldBe([.. Enumerable.Range(1, 5).Select(Name)]);
        for (var n = 1; n <= 5; n++)
        {
            maildir.Journal.About($"get {Key("shop@example.com", n)}").ShouldHaveSingleItem();
        }

        maildir.Store.Keys.ShouldBeEmpty();
    }

    [Fact]
    public async Task FetchAsync_CancelledDuringDownload_LeavesNothingInTheMaildirAndKeepsTheObject()
    {
        using var maildir = new TemporaryMaildir();
        var key = Key("shop@example.com", 1);
        maildir.Store.Put(key, new byte[200_000]);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        maildir.Store.WrapBody = (_, body) => new CancellingStream(body, cancellation);

        var (_, result) = await maildir.InterruptibleFetchAsync(cancellation.Token);

        result.Interrupted.ShouldBeTrue();
        result.Failures.ShouldBeEmpty();
        maildir.FilesIn("tmp").ShouldBeEmpty();
        maildir.FilesIn("new").ShouldBeEmpty();
        maildir.Store.Keys.ShouldBe([key]);
    }

    /// <summary>Reports synchronously, so the test cancels before the next message starts.</summary>
    private sealed class InlineReport(Action<FetchProgress> handler) : IProgress<FetchProgress>
    {
        public void Report(FetchProgress value) => handler(value);
    }

    /// <summary>Hands out the first chunk, then cancels the run as Ctrl-C would mid-download.</summary>
    private sealed class CancellingStream(Stream inner, CancellationTokenSource cancellation) : MemoryStream
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer[..Math.Min(buffer.Length, 1000)], cancellationToken);
            await cancellation.CancelAsync();
            return read;
        }
    }
}
