using TacoMail.Testing;
using TacoMail.Testing.Npm;
using TacoMail.Testing.S3;

namespace TacoMail.IntegrationTests.Delivery;

/// <summary>The loopback S3 server the delivery (and fetch) tests stand on: installed once, reachable, stopped cleanly.</summary>
public sealed class S3ServerFixtureTests(S3ServerFixture s3)
{
    [Fact]
    public async Task Fixture_AnswersSignedRequestsOnLoopback()
    {
        var bucket = await s3.CreateBucketAsync("fixture", TestContext.Current.CancellationToken);
        await s3.PutAsync(bucket, "a/b.txt", "hello"u8.ToArray(), TestContext.Current.CancellationToken);

        using var response = await s3.Client.GetObjectAsync(bucket, "a/b.txt", TestContext.Current.CancellationToken);
        using var reader = new StreamReader(response.ResponseStream);

        (await reader.ReadToEndAsync(TestContext.Current.CancellationToken)).ShouldBe("hello");
        s3.Endpoint.Host.ShouldBe("127.0.0.1");
        TestProcesses.IsAlive(s3.ProcessId).ShouldBeTrue();
    }

    [Fact]
    public async Task Dispose_KillsTheProcessAndDeletesItsData()
    {
        var process = await S3rverProcess.StartAsync(s3.ScriptPath, TestContext.Current.CancellationToken);

        await process.DisposeAsync();

        TestProcesses.IsAlive(process.ProcessId).ShouldBeFalse();
        Directory.Exists(process.DataDirectory).ShouldBeFalse();
    }

    [Fact]
    public async Task EnsureInstalledAsync_TwoInstallsAtOnce_LeaveOneCompleteInstallation()
    {
        using var cache = new TemporaryDirectory();
        var installer = new NpmInstaller(cache.Path, OperatingSystem.IsWindows() ? "npm.cmd" : "npm");

        var scripts = await Task.WhenAll(
            S3rverInstaller.EnsureInstalledAsync(installer, TestContext.Current.CancellationToken),
            S3rverInstaller.EnsureInstalledAsync(installer, TestContext.Current.CancellationToken));

        scripts.Distinct().ShouldHaveSingleItem().ShouldBe(S3rverInstaller.ScriptPath(installer));
        File.Exists(scripts[0]).ShouldBeTrue();
        Directory.GetDirectories(cache.Path).ShouldHaveSingleItem().ShouldEndWith(S3rverInstaller.Package.DirectoryName);
    }
}
