using System.ComponentModel;
using System.Diagnostics;

namespace TacoMail.Testing.Npm;

/// <summary>
/// Installs a <see cref="PinnedNpmPackage"/> with <c>npm ci</c> into
/// <c>{cache}/{DirectoryName}/</c>, once per machine. Safe when several test runs install at the
/// same time: each installs into its own temporary directory beside the target and renames it into
/// place; a loser of the race finds the winner's copy and discards its own, so a directory only
/// ever exists complete. Without npm it fails, never skips: a check that silently does not run
/// would pass for the wrong reason.
/// </summary>
public sealed class NpmInstaller
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);

    private readonly string _cacheDirectory;
    private readonly string _npmCommand;

    /// <param name="cacheDirectory">Where installations live (<see cref="NpmCacheDirectory.Resolve"/>).</param>
    /// <param name="npmCommand">The npm executable; a test gives a missing one.</param>
    public NpmInstaller(string cacheDirectory, string npmCommand)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cacheDirectory);
        ArgumentException.ThrowIfNullOrWhiteSpace(npmCommand);
        _cacheDirectory = cacheDirectory;
        _npmCommand = npmCommand;
    }

    /// <summary>The user's cache and the npm on PATH.</summary>
    public static NpmInstaller ForThisMachine() =>
        new(NpmCacheDirectory.Resolve(), OperatingSystem.IsWindows() ? "npm.cmd" : "npm");

    public string InstallDirectory(PinnedNpmPackage package)
    {
        ArgumentNullException.ThrowIfNull(package);
        return Path.Combine(_cacheDirectory, package.DirectoryName);
    }

    /// <returns>The package's own directory (<c>…/node_modules/{name}</c>).</returns>
    /// <exception cref="NpmException">npm is missing or fails, or installs no marker file.</exception>
    public async Task<string> EnsureInstalledAsync(PinnedNpmPackage package, CancellationToken cancellationToken)
    {
        var target = InstallDirectory(package);
        if (File.Exists(package.MarkerPath(target)))
        {
            return package.PackageDirectory(target);
        }

        Directory.CreateDirectory(_cacheDirectory);
        var work = Path.Combine(_cacheDirectory, $".{package.DirectoryName}-{Guid.NewGuid():N}.tmp");
        Directory.CreateDirectory(work);
        try
        {
            await File.WriteAllTextAsync(Path.Combine(work, "package.json"), package.PackageJson + "\n", cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(work, "package-lock.json"), package.PackageLock + "\n", cancellationToken);
            await RunNpmCiAsync(package, work, cancellationToken);
            if (!File.Exists(package.MarkerPath(work)))
            {
                throw new NpmException($"npm ci installed {package.Name}@{package.Version} without {package.MarkerPath(work)}.");
            }

            MoveIntoPlace(package, work, target);
            return package.PackageDirectory(target);
        }
        finally
        {
            TryDelete(work);
        }
    }

    private async Task RunNpmCiAsync(PinnedNpmPackage package, string directory, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(_npmCommand)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Start(package, start);
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
            throw new NpmException(
                $"npm ci ({package.Name}@{package.Version}) failed with exit code {process.ExitCode}:{Environment.NewLine}{(await error).Trim()}");
        }
    }

    private Process Start(PinnedNpmPackage package, ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new NpmException($"{_npmCommand} did not start.");
        }
        catch (Win32Exception exception)
        {
            throw new NpmException(
                $"{package.Name}@{package.Version} is installed with npm, but '{_npmCommand}' was not found on PATH: "
                + "install Node.js and npm (apt-get install nodejs npm).",
                exception);
        }
    }

    private static void MoveIntoPlace(PinnedNpmPackage package, string work, string target)
    {
        if (Directory.Exists(target) && !File.Exists(package.MarkerPath(target)))
        {
            // Renames are atomic, so an incomplete target was damaged by hand; replace it.
            TryDelete(target);
        }

        try
        {
            Directory.Move(work, target);
        }
        catch (IOException) when (File.Exists(package.MarkerPath(target)))
        {
            // Another run won the race; its copy is identical and ours goes with the work directory.
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
