using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TacoMail.Testing.Npm;

/// <summary>
/// An npm package a test needs, pinned with its whole dependency tree by an embedded
/// <c>package-lock.json</c> (lockfileVersion 3) that keeps each tarball's integrity hash and no
/// <c>resolved</c> address: <c>npm ci</c> fetches from whatever registry npm is configured with and
/// refuses a tarball whose hash differs. The lock's root project is <see cref="ProjectName"/>,
/// depending on exactly <see cref="Name"/>@<see cref="Version"/>.
/// </summary>
/// <param name="Name">The package, <c>@scope/name</c> or <c>name</c>.</param>
/// <param name="Version">The exact version, as in the lock.</param>
/// <param name="PackageLock">The <c>package-lock.json</c> to install from.</param>
/// <param name="Marker">A file, relative to the package's own directory, that only a complete installation has.</param>
public sealed record PinnedNpmPackage(string Name, string Version, string PackageLock, string Marker)
{
    /// <summary>The package name as a directory name: <c>@aws-cdk/aws-service-spec</c> is <c>aws-cdk-aws-service-spec</c>.</summary>
    public string Slug => Name.TrimStart('@').Replace('/', '-');

    /// <summary>The name of the project that depends on the package, in package.json and the lock.</summary>
    public string ProjectName => $"tacomail-{Slug}";

    /// <summary>
    /// The installation's directory name. It holds a hash of the lock, so that a lock changed under
    /// the same version (a dependency re-pinned) is installed afresh instead of read from the cache.
    /// </summary>
    public string DirectoryName =>
        $"{Slug}-{Version}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(PackageLock)))[..12]}";

    /// <summary>The package.json that <c>npm ci</c> checks the lock against.</summary>
    public string PackageJson => new JsonObject
    {
        ["name"] = ProjectName,
        ["private"] = true,
        ["dependencies"] = new JsonObject { [Name] = Version },
    }.ToJsonString(new JsonSerializerOptions { WriteIndented = true });

    /// <summary>The package's own directory in an installation.</summary>
    public string PackageDirectory(string installDirectory) =>
        Path.Combine([installDirectory, "node_modules", .. Name.Split('/')]);

    /// <summary>The marker file in an installation.</summary>
    public string MarkerPath(string installDirectory) => Path.Combine(PackageDirectory(installDirectory), Marker);
}
