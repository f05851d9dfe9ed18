using System.Net;
using TacoMail.Reconciler.Mailbox;
using static TacoMail.Reconciler.Tests.Mailbox.ScriptedS3Client;

namespace TacoMail.Reconciler.Tests.Mailbox;

public sealed class S3MailboxStoreTests
{
    [Fact]
    public async Task ListAsync_TruncatedPages_FollowsContinuationTokensToTheEnd()
    {
        using var client = new ScriptedS3Client(
            _ => Page("token-1", "mailbox/a", "mailbox/b"),
            _ => Page("token-2", "mailbox/c"),
            _ => Page(null, "mailbox/d"));
        using var store = new S3MailboxStore(client, "mail", "s3://mail", pageSize: 2);

        var listed = await store.ListAsync("mailbox/", TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        listed.Select(o => o.Key).ShouldBe(["mailbox/a", "mailbox/b", "mailbox/c", "mailbox/d"]);
        client.Requests.Select(r => r.ContinuationToken).ShouldBe([null, "token-1", "token-2"]);
        client.Requests.ShouldAllBe(r => r.BucketName == "mail" && r.Prefix == "mailbox/" && r.MaxKeys == 2);
    }

    [Fact]
    public async Task ListAsync_EmptyBucket_ReturnsNothing()
    {
        using var client = new ScriptedS3Client(_ => new Amazon.S3.Model.ListObjectsV2Response { IsTruncated = false });
        using var store = new S3MailboxStore(client, "mail", "s3://mail");

        (await store.ListAsync("mailbox/", TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("NoSuchBucket", HttpStatusCode.NotFound, "bucket 'mail' does not exist")]
    [InlineData("NoSuchBucket", HttpStatusCode.NotFound, "check --bucket or TACOMAIL_MAIL_BUCKET")]
    [InlineData("InvalidAccessKeyId", HttpStatusCode.Forbidden, "check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE")]
    [InlineData("SignatureDoesNotMatch", HttpStatusCode.Forbidden, "S3 rejected the credentials (SignatureDoesNotMatch)")]
    [InlineData("AccessDenied", HttpStatusCode.Forbidden, "s3:ListBucket, s3:GetObject and s3:DeleteObject on bucket 'mail'")]
    [InlineData("SlowDown", HttpStatusCode.ServiceUnavailable, "listing 'mailbox/' failed (SlowDown)")]
    public async Task ListAsync_S3Refuses_ThrowsAMessageSayingWhatToCheck(string code, HttpStatusCode status, string expected)
    {
        using var client = new ScriptedS3Client(_ => throw Error(code, status));
        using var store = new S3MailboxStore(client, "mail", "s3://mail");

        var exception = await Should.ThrowAsync<MailboxStoreException>(
            async () => await store.ListAsync("mailbox/", TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken));

        exception.Message.ShouldContain(expected);
    }
}
