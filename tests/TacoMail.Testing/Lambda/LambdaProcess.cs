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
    public static Process Start(string? bootstrap, IReadOnlyDictionary<string, string> environment, params string[] args)
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

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException("The Lambda process did not start.");
    }

    /// <summary>Asks the process to stop as Lambda does at shutdown.</summary>
    public static void SendSigterm(Process process)
    {
        using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }
}
