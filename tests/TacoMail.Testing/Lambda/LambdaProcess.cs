using System.Diagnostics;

namespace TacoMail.Testing.Lambda;

/// <summary>
/// The built Lambda run as a real process: <c>TacoMail.Lambda.dll</c> (copied next to the tests) on
/// the JIT runtime, or a published AOT <c>bootstrap</c>.
/// </summary>
public static class LambdaProcess
{
    public static Process Start(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        Start(bootstrap: null, environment, args);

    /// <param name="bootstrap">An AOT bootstrap to run, or null for the JIT build.</param>
    /// <param name="environment">Variables set for the process (the Lambda ones, the SDK's global endpoint and profile are cleared first).</param>
    /// <param name="args">The command line.</param>
    public static Process Start(string? bootstrap, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        Process.Start(CreateStartInfo(bootstrap, environment, args, clearAws: false))
            ?? throw new InvalidOperationException("The Lambda process did not start.");

    /// <summary>Runs the JIT build to the end and returns what it wrote; kills it after <see cref="RunTimeout"/>.</summary>
    /// <param name="environment">Variables set for the process.</param>
    /// <param name="args">The command line.</param>
    /// <param name="clearAws">Also clear every inherited <c>AWS_</c> variable, so that the process finds no credentials, region or endpoint but those given.</param>
    /// <param name="cancellationToken">Stops the wait (and kills the process).</param>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(
        IReadOnlyDictionary<string, string> environment, IReadOnlyList<string> args, bool clearAws, CancellationToken cancellationToken)
    {
        using var process = Process.Start(CreateStartInfo(bootstrap: null, environment, args, clearAws))
            ?? throw new InvalidOperationException("The Lambda process did not start.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(RunTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output, await error);
    }

    /// <summary>How long <see cref="RunAsync"/> lets a process run: a bound on a hang, not a measurement.</summary>
    public static TimeSpan RunTimeout { get; } = TimeSpan.FromSeconds(60);

    private static ProcessStartInfo CreateStartInfo(string? bootstrap, IReadOnlyDictionary<string, string> environment, IReadOnlyList<string> args, bool clearAws)
    {
        var start = new ProcessStartInfo(bootstrap ?? Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (bootstrap is null)
        {
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "TacoMail.Lambda.dll"));
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in new[] { "AWS_LAMBDA_RUNTIME_API", "_HANDLER", "TACOMAIL_HANDLER", "AWS_ENDPOINT_URL", "AWS_PROFILE" })
        {
            start.Environment.Remove(name);
        }

        foreach (var name in clearAws ? start.Environment.Keys.Where(k => k.StartsWith("AWS_", StringComparison.Ordinal)).ToList() : [])
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return start;
    }

    /// <summary>Asks the process to stop as Lambda does at shutdown.</summary>
    public static void SendSigterm(Process process)
    {
        using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }
}
