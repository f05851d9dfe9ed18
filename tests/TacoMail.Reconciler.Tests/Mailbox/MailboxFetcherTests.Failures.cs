using TacoMail.Reconciler.Mailbox;
using static TacoMail.Reconciler.Tests.Mailbox.TemporaryMaildir;

namespace TacoMail.Reconciler.Tests.Mailbox;

/// <summary>A message that fails stays in the store, and the others are still fetched.</summary>
public sealed partial class MailboxFetcherTests
{
    [Fact]
    public async Task FetchAsync_DownloadFails_OthersAreFetchedAndTheFailedOneStaysInTheStore()
    {
        using var maildir = new TemporaryMaildir();
        for (var n = 1; n <= 3; n++)
        {
            maildir.Store.Put(Key("shop@example.com", n), Body(n));
        }

        maildir.Store.ReadFailures[Key("shop@example.com", 2)] = new MailboxStoreException("reading failed (InternalError): simulated");

        var (_, result) = await maildir.FetchAsync(parallelism: 2);

        result.Succeeded.ShouldBeFalse();
        result.Fetched.ShouldBe(2);
        var failure = result.Failures.ShouldHaveSingleItem();
        failure.Message.Key.ShouldBe(Key("shop@example.com", 2));
        failure.Delivered.ShouldBeFalse();
        failure.Reason.ShouldContain("simulated");
        maildir.FilesIn("new").ShouldBe([Name(1), Name(3)]);
        maildir.FilesIn("tmp").ShouldBeEmpty();
        maildir.Store.Keys.ShouldBe([Key("shop@example.com", 2)]);
        maildir.Journal.About($"delete {Key("shop@example.com", 2)}").ShouldBeEmpty();
    }

    [Fact]
    public async Task FetchAsync_UnexpectedErrorOnOneMessage_IsReportedWithItsTypeAndTheOthersAreFetched()
    {
        using var maildir = new TemporaryMaildir();
        maildir.Store.Put(Key("shop@example.com", 1), Body(1)).Put(Key("shop@example.com", 2), Body(2));
        maildir.Store.ReadFailures[Key("shop@example.com", 1)] = new InvalidOperationException("checksum mismatch");

        var (_, result) = await maildir.FetchAsync();

        result.Failures.ShouldHaveSingleItem().Reason.ShouldBe("checksum mismatch (InvalidOperationException)");
        result.Fetched.ShouldBe(1);
        maildir.Store.Keys.ShouldBe([Key("shop@example.com", 1)]);
    }

    [Fact]
    public async Task FetchAsync_DownloadCutShort_IsNotDeliveredAndStaysInTheStore()
    {
        using var maildir = new TemporaryMaildir();
        var key = Key("shop@example.com", 1);
        maildir.Store.Put(key, Body(1));
        maildir.Store.TruncatedReads.Add(key);

        var (_, result) = await maildir.FetchAsync();

        result.Failures.ShouldHaveSingleItem().Reason.ShouldContain($"ended after {Body(1).Length} of {Body(1).Length + 100} bytes");
        maildir.FilesIn("new").ShouldBeEmpty();
        maildir.FilesIn("tmp").ShouldBeEmpty();
        maildir.Store.Keys.ShouldBe([key]);
    }

    [Fact]
    public async Task FetchAsync_DeleteFails_ReportsTheMessageAsDeliveredButNotDeleted()
    {
        using var maildir = new TemporaryMaildir();
        var key = Key("shop@example.com", 1);
        maildir.Store.Put(key, Body(1));
        maildir.Store.FailDeletes = true;

        var (_, result) = await maildir.FetchAsync();

        result.Succeeded.ShouldBeFalse();
        var failure = result.Failures.ShouldHaveSingleItem();
        failure.Delivered.ShouldBeTrue();
        failure.Reason.ShouldContain("SlowDown");
        maildir.FilesIn("new").ShouldBe([Name(1)]);
    }
}
