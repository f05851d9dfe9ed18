using TacoMail.Reconciler.Cli;
using TacoMail.Schema.Settings;
using TacoMail.Testing;
using static TacoMail.Testing.CliRunner;

namespace TacoMail.Reconciler.Tests.Mailbox;

/// <summary>The command's checks that happen before it talks to S3.</summary>
public sealed class FetchCommandTests
{
    [Fact]
    public async Task Fetch_NoMaildirOption_ExitsOneAskingForIt()
    {
        var (exitCode, output) = await RunAsync("fetch", "--bucket", "mail");

        exitCode.ShouldBe(ExitCodes.Error);
        output.ShouldContain("--maildir DIR");
    }

    [Fact]
    public async Task Fetch_NoBucket_ExitsOneNamingTheOptionAndVariableWithoutStackTrace()
    {
        using var maildir = new TemporaryMaildir();

        var (exitCode, output) = await RunAsync("fetch", "--maildir", maildir.Root);

        exitCode.ShouldBe(ExitCodes.Error);
        output.ShouldContain($"error: no mail bucket: pass --bucket NAME or set {EnvironmentVariableNames.MailBucket}");
        output.ShouldNotContain("   at ");
        Directory.Exists(maildir.Root).ShouldBeFalse();
    }

    [Fact]
    public async Task Fetch_EndpointNotAUrl_ExitsOneNamingTheOption()
    {
        using var maildir = new TemporaryMaildir();

        var (exitCode, output) = await RunAsync("fetch", "--maildir", maildir.Root, "--bucket", "mail", "--endpoint-s3", "nowhere");

        exitCode.ShouldBe(ExitCodes.Error);
        output.ShouldContain("error: the S3 endpoint (--endpoint-s3 or AWS_ENDPOINT_URL_S3) must be an http(s) URL, not 'nowhere'");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("33")]
    public async Task Fetch_ParallelOutOfRange_ExitsOne(string parallel)
    {
        var (exitCode, output) = await RunAsync("fetch", "--maildir", "m", "--bucket", "mail", "--parallel", parallel);

        exitCode.ShouldBe(ExitCodes.Error);
        output.ShouldContain("--parallel must be between 1 and 32");
    }

    [Fact]
    public async Task Fetch_MaildirIsAFile_ExitsOneSayingItCannotBeUsed()
    {
        using var maildir = new TemporaryMaildir();
        Directory.CreateDirectory(Path.GetDirectoryName(maildir.Root)!);
        await File.WriteAllTextAsync(maildir.Root, "not a directory", TestContext.Current.CancellationToken);
        var environment = new TestEnvironment(new Dictionary<string, string> { ["AWS_ACCESS_KEY_ID"] = "a", ["AWS_SECRET_ACCESS_KEY"] = "b" });

        var (exitCode, output) = await RunAsync(environment, "fetch", "--maildir", maildir.Root, "--bucket", "mail", "--endpoint-s3", "http://127.0.0.1:9");

        exitCode.ShouldBe(ExitCodes.Error);
        output.ShouldContain($"error: cannot use '{maildir.Root}' as a Maildir");
    }
}
