using Amazon.Runtime;
using Amazon.S3;
using TacoMail.Reconciler.Mailbox;
using TacoMail.Testing.S3;
using static TacoMail.IntegrationTests.Mailbox.S3Mailbox;

namespace TacoMail.IntegrationTests.Mailbox;

/// <summary>The S3 side of the fetcher against a real S3 API: pagination, streaming, errors.</summary>
public sealed class S3MailboxStoreTests(S3ServerFixture s3)
{
    [Fact]
    public async Task ListAsync_MoreObjectsThanOnePage_ReturnsEveryObjectInKeyOrder()
    {
        using var mailbox = await CreateAsync(s3);
        var keys = Enumerable.Range(1, 7).Select(n => Key("shop@example.com", n)).ToList();
        foreach (var key in keys)
        {
            await mailbox.PutAsync(key, [1, 2, 3]);
        }

        using var store = Store(mailbox.Bucket, pageSize: 2);

        var listed = await store.ListAsync("mailbox/", TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        listed.Select(o => o.Key).ShouldBe(keys.Order(StringComparer.Ordinal));
        listed.ShouldAllBe(o => o.Size == 3);
    }

    [Fact]
    public async Task OpenAsync_Object_StreamsItsBytesWithItsLength()
    {
        using var mailbox = await CreateAsync(s3);
        var body = Body("shop@example.com", 1, padding: 200_000);
        await mailbox.PutAsync(Key("shop@example.com", 1), body);
        using var store = Store(mailbox.Bucket);

        await using var content = await store.OpenAsync(Key("shop@example.com", 1), TestContext.Current.CancellationToken);
        using var copy = new MemoryStream();
        await content.Stream.CopyToAsync(copy, TestContext.Current.CancellationToken);

        content.Length.ShouldBe(body.Length);
        copy.ToArray().ShouldBe(body);
    }

    [Fact]
    public async Task OpenAsync_MissingObject_ThrowsSayingItIsGone()
    {
        using var mailbox = await CreateAsync(s3);
        using var store = Store(mailbox.Bucket);

        var exception = await Should.ThrowAsync<MailboxStoreException>(() => store.OpenAsync("mailbox/example.com/shop/new/gone", TestContext.Current.CancellationToken));

        exception.Message.ShouldContain("the object is gone");
    }

    [Fact]
    public async Task DeleteAsync_Object_RemovesIt()
    {
        using var mailbox = await CreateAsync(s3);
        await mailbox.PutAsync(Key("shop@example.com", 1), [1]);
        using var store = Store(mailbox.Bucket);

        await store.DeleteAsync(Key("shop@example.com", 1), TestContext.Current.CancellationToken);

        (await mailbox.KeysAsync()).ShouldBeEmpty();
    }

    private S3MailboxStore Store(string bucket, int pageSize = S3MailboxStore.MaxPageSize) => new(
        new AmazonS3Client(new BasicAWSCredentials(S3ServerFixture.AccessKey, S3ServerFixture.SecretKey), S3ServerFixture.CreateConfig(s3.Endpoint)),
        bucket,
        $"s3://{bucket}",
        pageSize);
}
