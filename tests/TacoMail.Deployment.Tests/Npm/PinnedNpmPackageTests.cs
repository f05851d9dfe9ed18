using System.Text.Json.Nodes;
using TacoMail.Deployment.Tests.ResourceSpec;
using TacoMail.Testing.Npm;
using TacoMail.Testing.S3;

namespace TacoMail.Deployment.Tests.Npm;

public sealed class PinnedNpmPackageTests
{
    public static TheoryData<string> Packages => new() { AwsServiceSpecPackage.Name, S3rverInstaller.PackageName };

    [Theory]
    [MemberData(nameof(Packages))]
    public void Lock_EveryPackage_IsPinnedByIntegrityAndNamesNoAddress(string name)
    {
        var packages = Lock(name)["packages"]!.AsObject();

        foreach (var (path, entry) in packages.Where(p => p.Key.Length > 0))
        {
            entry!["integrity"]!.GetValue<string>().ShouldStartWith("sha512-", customMessage: path);
            entry.AsObject().ContainsKey("resolved").ShouldBeFalse(path);
        }
    }

    [Theory]
    [MemberData(nameof(Packages))]
    public void Lock_RootProject_IsThePackageJsonProject(string name)
    {
        var package = Find(name);
        var packageJson = JsonNode.Parse(package.PackageJson)!;
        var root = Lock(name)["packages"]![string.Empty]!;

        Lock(name)["lockfileVersion"]!.GetValue<int>().ShouldBe(3);
        root["name"]!.GetValue<string>().ShouldBe(packageJson["name"]!.GetValue<string>());
        root["dependencies"]!.ToJsonString().ShouldBe(packageJson["dependencies"]!.ToJsonString());
        Lock(name)["packages"]![$"node_modules/{package.Name}"]!["version"]!.GetValue<string>().ShouldBe(package.Version);
    }

    [Fact]
    public void DirectoryName_ScopedPackage_IsSlugVersionAndLockHash()
    {
        var package = new PinnedNpmPackage("@scope/tool", "1.2.3", "{}", "bin/tool.js");

        package.DirectoryName.ShouldStartWith("scope-tool-1.2.3-");
        (package with { PackageLock = "{ }" }).DirectoryName.ShouldNotBe(package.DirectoryName);
        package.MarkerPath("/cache/x").ShouldBe(Path.Combine("/cache/x", "node_modules", "@scope", "tool", "bin/tool.js"));
    }

    private static PinnedNpmPackage Find(string name) => name switch
    {
        AwsServiceSpecPackage.Name => AwsServiceSpecPackage.Package,
        S3rverInstaller.PackageName => S3rverInstaller.Package,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a pinned package"),
    };

    private static JsonNode Lock(string name) => JsonNode.Parse(Find(name).PackageLock)!;
}
