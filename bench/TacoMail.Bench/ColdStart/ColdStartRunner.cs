using System.Collections.Concurrent;
using System.Diagnostics;
using TacoMail.Testing.Lambda;

namespace TacoMail.Bench.ColdStart;

/// <summary>
/// One cold start: a fresh emulator with one queued event, the process started, timed to its first
/// <c>next</c> and to its response, its peak RSS read once it polls again (idle), then killed.
/// </summary>
internal sealed class ColdStartRunner(ColdStartOptions options)
{
    private const string RequestId = "coldstart-0001";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public async Task<ColdStartRun> RunOnceAsync(ColdStartTarget target, CancellationToken cancellationToken)
    {
        await using var emulator = RuntimeApiEmulator.Start();
        emulator.Enqueue(new EmulatedEvent(RequestId, options.Event, Deadline: null) { TimeLeft = Timeout });
        var output = new ConcurrentQueue<string>();
        var started = Stopwatch.GetTimestamp();
        using var process = Process.Start(StartInfo(target, emulator.Address))
            ?? throw new BenchmarkException($"'{target.CommandLine}' did not start.");
        process.OutputDataReceived += (_, e) => Keep(output, e.Data);
        process.ErrorDataReceived += (_, e) => Keep(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var outcome = await WaitForResponseAsync(emulator, process, output, cancellationToken);
            await WaitForIdleAsync(emulator, cancellationToken);
            var peakRss = ProcessMemory.PeakResidentKilobytes(process.Id);
            return new ColdStartRun(
                Stopwatch.GetElapsedTime(started, emulator.FirstPollTimestamp).TotalMilliseconds,
                Stopwatch.GetElapsedTime(started, outcome.Timestamp).TotalMilliseconds,
                peakRss);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync(CancellationToken.None);
        }
    }

    private ProcessStartInfo StartInfo(ColdStartTarget target, string runtimeApi)
    {
        var start = new ProcessStartInfo(target.FileName)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in target.Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("TACOMAIL_HANDLER");
        foreach (var (name, value) in options.Environment)
        {
            start.Environment[name] = value;
        }

        start.Environment["AWS_LAMBDA_RUNTIME_API"] = runtimeApi;
        start.Environment["_HANDLER"] = options.Handler;
        return start;
    }

    private static async Task<EmulatorRecord> WaitForResponseAsync(
        RuntimeApiEmulator emulator, Process process, ConcurrentQueue<string> output, CancellationToken cancellationToken)
    {
        var outcome = emulator.WaitForOutcomeAsync(RequestId, Timeout);
        var first = await Task.WhenAny(outcome, process.WaitForExitAsync(cancellationToken));
        cancellationToken.ThrowIfCancellationRequested();
        if (first != outcome)
        {
            throw new BenchmarkException($"The process exited ({process.ExitCode}) before answering:{Tail(output)}");
        }

        EmulatorRecord record;
        try
        {
            record = await outcome;
        }
        catch (TimeoutException exception)
        {
            throw new BenchmarkException($"No answer within {Timeout.TotalSeconds} s:{Tail(output)}", exception);
        }

        return record.Kind == EmulatorRecord.Response
            ? record
            : throw new BenchmarkException($"The handler failed: {record.BodyText}{Tail(output)}");
    }

    /// <summary>The process has finished the invocation once it long-polls <c>next</c> again.</summary>
    private static async Task WaitForIdleAsync(RuntimeApiEmulator emulator, CancellationToken cancellationToken)
    {
        var waiting = Stopwatch.StartNew();
        while (emulator.PollCount < 2 && waiting.Elapsed < Timeout)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(2), cancellationToken);
        }
    }

    private static void Keep(ConcurrentQueue<string> output, string? line)
    {
        if (line is null)
        {
            return;
        }

        output.Enqueue(line);
        while (output.Count > 20 && output.TryDequeue(out _))
        {
        }
    }

    private static string Tail(ConcurrentQueue<string> output) =>
        output.IsEmpty ? string.Empty : Environment.NewLine + string.Join(Environment.NewLine, output);
}
