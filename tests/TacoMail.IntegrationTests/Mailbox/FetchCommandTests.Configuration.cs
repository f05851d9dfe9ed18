using TacoMail.Reconciler.Cli;
using TacoMail.Schema.Settings;
using TacoMail.Testing;
using static TacoMail.IntegrationTests.Mailbox.S3Mailbox;

namespace TacoMail.IntegrationTests.Mailbox;

/// <summary>Where the bucket and the endpoint come from, and what the user sees when they are wrong.</summary>
public sealed partial class FetchCommandTests
{
    [Fact]
    public async Task Fetch_BucketAndEndpointFromTheEnvironment_AreUsed()
    {
        using var mailbox = await CreateAsync(s3);
        await mailbox.PutAsync(Key(Shop, 1), Body(Shop, 1));
        var environment = new TestEnvironment(new Dictionary<string, string>(s3.EnvironmentVariables)
        {
            [EnvironmentVariableNames.MailBucket] = mailbox.Bucket,
        });

        var (exitCode, output) = await CliRunner.RunAsync(environment, "fetch", "--maildir", mailbox.Maildir);

        exitCode.ShouldBe(ExitCodes.Ok, output);
        output.ShouldContain($"listing s3://{mailbox.Bucket} at {s3.Endpoint.AbsoluteUri.TrimEnd('/')}/mailbox/");
        mailbox.FilesIn("new").ShouldBe([Name(Shop, 1)]);
    }

    [Fact]
    public async Task Fetch_CustomPrefix_ReadsTheLayoutUnderIt()
    {
        using var mailbox = await CreateAsync(s3);
        await mailbox.PutAsync($"kept/example.com/shop/new/{Name(Shop, 1)}", Body(Shop, 1));
        await mailbox.PutAsync(Key(Shop, 2), Body(Shop, 2));

        var (exitCode, output) = await mailbox.FetchAsync("--prefix", "kept");

        exitCode.ShouldBe(ExitCodes.Ok, output);
        mailbox.FilesIn("new").ShouldBe([Name(Shop, 1)]);
        (await mailbox.KeysAsync()).ShouldBe([Key(Shop, 2)]);
    }

    [Fact]
    public async Task Fetch_BucketThatDoesNotExist_ExitsOneNamingItWithoutStackTrace()
    {
        using var mailbox = new S3Mailbox(s3, "no-such-bucket-" + Guid.NewGuid().ToString("N")[..8]);

        var (exitCode, output) = await mailbox.FetchAsync();

        exitCode.ShouldBe(ExitCodes.Error);
        output.ShouldContain($"error: bucket '{mailbox.Bucket}' does not exist");
        output.ShouldContain("--bucket or TACOMAIL_MAIL_BUCKET");
        output.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task Fetch_NothingListensAtTheEndpoint_ExitsOneSayingItCannotReachS3()
    {
        using var mailbox = await CreateAsync(s3);
        var closedPort = TestPorts.Closed();

        var (exitCode, output) = await CliRunner.RunAsync(
            mailbox.Environment, "fetch", "--maildir", mailbox.Maildir, "--bucket", mailbox.Bucket, "--endpoint-s3", $"http://127.0.0.1:{closedPort}");

        exitCode.ShouldBe(ExitCodes.Error);
        output.ShouldContain($"error: cannot reach S3 (s3://{mailbox.Bucket} at http://127.0.0.1:{closedPort})");
        output.ShouldContain("--endpoint-s3 or AWS_ENDPOINT_URL_S3");
    }
}
