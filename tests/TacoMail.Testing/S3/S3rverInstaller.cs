using System.Reflection;
using TacoMail.Testing.Npm;

namespace TacoMail.Testing.S3;

/// <summary>
/// s3rver, pinned with its whole dependency tree by the embedded <c>s3rver.package-lock.json</c>
/// (integrity hashes, no download addresses) and installed once per machine into the npm tool
/// cache by <see cref="NpmInstaller"/>. To upgrade: run <c>npm install --package-lock-only</c> for
/// the new version in an empty directory, drop every <c>resolved</c> line, and replace the file.
/// </summary>
public static class S3rverInstaller
{
    public const string PackageName = "s3rver";
    public const string PackageVersion = "3.7.1";

    /// <summary>The entry script, relative to the package's directory.</summary>
    private const string Script = "bin/s3rver.js";

    public static PinnedNpmPackage Package { get; } = new(PackageName, PackageVersion, ReadLock(), Script);

    /// <summary>The entry script (run with <c>node</c>) of an installation in <paramref name="installer"/>'s cache.</summary>
    public static string ScriptPath(NpmInstaller installer)
    {
        ArgumentNullException.ThrowIfNull(installer);
        return Package.MarkerPath(installer.InstallDirectory(Package));
    }

    /// <returns>The entry script.</returns>
    /// <exception cref="NpmException">npm is missing or fails.</exception>
    public static async Task<string> EnsureInstalledAsync(NpmInstaller installer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(installer);
        return Path.Combine(await installer.EnsureInstalledAsync(Package, cancellationToken), Script);
    }

    private static string ReadLock()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("TacoMail.Testing.S3.s3rver.package-lock.json")
            ?? throw new InvalidOperationException("The s3rver lock is not embedded in TacoMail.Testing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().TrimEnd();
    }
}
