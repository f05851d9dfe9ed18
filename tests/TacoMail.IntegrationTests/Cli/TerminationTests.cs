using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using TacoMail.Testing;

namespace TacoMail.IntegrationTests.Cli;

/// <summary>
/// The built <c>tacomail</c> as a process, stopped by SIGTERM as <c>kill</c> or a cancelled CI job
/// stops it: it must stop the way Ctrl-C stops it, leaving no emulator behind.
/// </summary>
public sealed partial class TerminationTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task DynamoDbLocal_Sigterm_StopsTheEmulatorItStarted()
    {
        var cancellation = TestContext.Current.CancellationToken;
        using var work = new TemporaryDirectory();
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = work.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(RepositoryRoot.PathOf("reconciler/TacoMail.Reconciler/bin/Release/net10.0/tacomail.dll"));
        start.ArgumentList.Add("dynamodb-local");
        using var tacomail = Process.Start(start)!;
        var emulator = 0;
        try
        {
            while (await tacomail.StandardOutput.ReadLineAsync(cancellation).AsTask().WaitAsync(Patience, cancellation) is { } line)
            {
                if (EmulatorPid().Match(line) is { Success: true } match)
                {
                    emulator = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
                }

                if (line.StartsWith("Press Ctrl-C", StringComparison.Ordinal))
                {
                    break;
                }
            }

            emulator.ShouldBeGreaterThan(0, "dynamodb-local did not say which process it started");
            TestProcesses.IsAlive(emulator).ShouldBeTrue();

            using (var kill = Process.Start("kill", ["-TERM", tacomail.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync(cancellation);
            }

            await tacomail.WaitForExitAsync(cancellation).WaitAsync(Patience, cancellation);
            (await tacomail.StandardOutput.ReadToEndAsync(cancellation)).ShouldContain("stopping DynamoDB Local");
            TestProcesses.IsAlive(emulator).ShouldBeFalse();
        }
        finally
        {
            foreach (var pid in new[] { tacomail.HasExited ? 0 : tacomail.Id, emulator }.Where(p => p > 0 && TestProcesses.IsAlive(p)))
            {
                using var leftover = Process.GetProcessById(pid);
                leftover.Kill(entireProcessTree: true);
            }
        }
    }

    [GeneratedRegex(@"\(pid (\d+)\)")]
    private static partial Regex EmulatorPid();
}
