using TacoMail.Testing.Npm;
namespace TacoMail.Deployment.Tests.Npm;

public sealed class NpmInstallerTests : IDisposable
{
    private readonly string _cache = Path.Combine(Path.GetTempPath(), $"tacomail-npm-test-{Guid.NewGuid():N}");

    [Fact]
    public async Task EnsureInstalledAsync_WithoutNpm_FailsNamingWhatToInstall()
    {
        var installer = new NpmInstaller(_cache, "tacomail-no-such-npm");
        var package = new PinnedNpmPackage("@scope/tool", "1.2.3", "{}", "index.js");

        var exception = await Should.ThrowAsync<NpmException>(
            () => installer.EnsureInstalledAsync(package, TestContext.Current.CancellationToken));

        exception.Message.ShouldContain("@scope/tool@1.2.3");
        exception.Message.ShouldContain("install Node.js and npm");
        Directory.GetDirectories(_cache).ShouldBeEmpty();
    }

    [Fact]
    public async Task EnsureInstalledAsync_Installed_ReturnsThePackageWithoutNpm()
    {
        var installer = new NpmInstaller(_cache, "tacomail-no-such-npm");
        var package = new PinnedNpmPackage("@scope/tool", "1.2.3", "{}", "index.js");
        var marker = package.MarkerPath(installer.InstallDirectory(package));
        Directory.CreateDirectory(Path.GetDirectoryName(marker)!);
        await File.WriteAllTextAsync(marker, string.Empty, TestContext.Current.CancellationToken);

        var directory = await installer.EnsureInstalledAsync(package, TestContext.Current.CancellationToken);

        directory.ShouldBe(Path.GetDirectoryName(marker));
    }

    public void Dispose()
    {
        if (Directory.Exists(_cache))
        {
            Directory.Delete(_cache, recursive: true);
        }
    }
}
