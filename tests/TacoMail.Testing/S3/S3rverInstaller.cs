using System.ComponentModel;
using System.Diagnostics;

namespace TacoMail.Testing.S3;

/// <summary>
/// Installs the pinned s3rver from npm into <c>{cache}/s3rver-3.7.1/</c>, once per machine.
/// Safe when several test projects install at the same time: each installs into its own
/// temporary directory beside the target and renames it into place; a loser of the race finds the
/// winner's copy and discards its own. A directory only ever exists complete.
/// </summary>
public static class S3rverInstaller
{
    public const string PackageName = "s3rver";
    public const string PackageVersion = "3.7.1";

    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);

    /// <summary>The directory of the installation under <paramref name="cacheDirectory"/>.</summary>
    public static string InstallDirectory(string cacheDirectory) =>
        Path.Combine(cacheDirectory, $"{PackageName}-{PackageVersion}");

    /// <summary>The entry script (run with <c>node</c>) of an installation.</summary>
    public static string ScriptPath(string installDirectory) =>
        Path.Combine(installDirectory, "node_modules", PackageName, "bin", "s3rver.js");

    /// <returns>The entry script.</returns>
    /// <exception cref="S3rverException">npm is missing or fails.</exception>
    public static async Task<string> EnsureInstalledAsync(string cacheDirectory, CancellationToken cancellationToken)
    {
        var target = InstallDirectory(cacheDirectory);
        if (File.Exists(ScriptPath(target)))
        {
            return ScriptPath(target);
        }

        Directory.CreateDirectory(cacheDirectory);
        var work = Path.Combine(cacheDirectory, $".{PackageName}-{PackageVersion}-{Guid.NewGuid():N}.tmp");
        Directory.CreateDirectory(work);
        try
        {
            await RunNpmAsync(work, cancellationToken);
            if (!File.Exists(ScriptPath(work)))
            {
                throw new S3rverException($"npm installed {PackageName}@{PackageVersion} without {ScriptPath(work)}.");
            }

            MoveIntoPlace(work, target);
            return ScriptPath(target);
        }
        finally
        {
            TryDelete(work);
        }
    }

    private static async Task RunNpmAsync(string directory, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(OperatingSystem.IsWindows() ? "npm.cmd" : "npm")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "install", "--no-audit", "--no-fund", "--no-save", "--prefer-offline", "--prefix", directory, $"{PackageName}@{PackageVersion}" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = StartProcess(start);
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(InstallTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        await Task.WhenAll(output, error);
        if (process.ExitCode != 0)
        {
            throw new S3rverException(
                $"npm install {PackageName}@{PackageVersion} failed with exit code {process.ExitCode}:{Environment.NewLine}{(await error).Trim()}");
        }
    }

    private static Process StartProcess(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new S3rverException("npm did not start.");
        }
        catch (Win32Exception exception)
        {
            throw new S3rverException(
                "s3rver is installed with npm, which was not found on PATH: install Node.js and npm (apt-get install nodejs npm).",
                exception);
        }
    }

    private static void MoveIntoPlace(string work, string target)
    {
        if (Directory.Exists(target) && !File.Exists(ScriptPath(target)))
        {
            // Renames are atomic, so an incomplete target was damaged by hand; replace it.
            TryDelete(target);
        }

        try
        {
            Directory.Move(work, target);
        }
        catch (IOException) when (File.Exists(ScriptPath(target)))
        {
            // Another process won the race; its copy is identical and ours is deleted with the work directory.
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A leftover temporary directory is harmless: it never looks like an installation.
        }
    }
}
