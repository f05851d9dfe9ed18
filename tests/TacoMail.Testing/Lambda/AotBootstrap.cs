using System.Diagnostics;

namespace TacoMail.Testing.Lambda;

/// <summary>
/// The Native AOT <c>bootstrap</c> under test: the one <c>./build.sh test</c> just published (named
/// by <c>TACOMAIL_AOT_BOOTSTRAP</c>), else one this test run publishes itself — the test never
/// skips for want of a binary.
/// </summary>
public static class AotBootstrap
{
    public const string Variable = "TACOMAIL_AOT_BOOTSTRAP";

    private static readonly Lazy<Task<string>> Published = new(PublishAsync);

    public static Task<string> LocateAsync()
    {
        var named = Environment.GetEnvironmentVariable(Variable);
        return string.IsNullOrEmpty(named) ? Published.Value : Task.FromResult(named);
    }

    private static async Task<string> PublishAsync()
    {
        var root = RepositoryRoot.Path;
        var output = Path.Combine(Path.GetTempPath(), $"tacomail-aot-{Guid.NewGuid():N}");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = root,
        };
        foreach (var argument in new[] { "publish", "lambda/TacoMail.Lambda", "-c", "Release", "-r", "linux-x64", "-p:PublishAot=true", "-o", output })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet publish did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"publishing the AOT bootstrap failed ({process.ExitCode}):\n{await stdout}\n{await stderr}");
        }

        return Path.Combine(output, "bootstrap");
    }
}
