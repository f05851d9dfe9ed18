using System.Globalization;

namespace TacoMail.Bench.ColdStart;

/// <summary><c>coldstart</c>: starts each target repeatedly against a fresh emulator and reports the figures.</summary>
internal static class ColdStartCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args.Any(arg => arg is "--help" or "-h"))
        {
            return BenchUsage.Print(output, BenchExitCodes.Ok);
        }

        var options = ColdStartOptions.Parse(args, out var problem);
        if (options is null)
        {
            await error.WriteLineAsync($"error: {problem}");
            return BenchExitCodes.Error;
        }

        var runner = new ColdStartRunner(options);
        var results = new List<(ColdStartTarget, IReadOnlyList<ColdStartRun>)>();
        try
        {
            foreach (var target in options.Targets)
            {
                results.Add((target, await MeasureAsync(runner, target, options, error, cancellationToken)));
            }
        }
        catch (BenchmarkException exception)
        {
            await error.WriteLineAsync($"error: {exception.Message}");
            return BenchExitCodes.Error;
        }

        ColdStartReport.Write(output, options, results);
        return BenchExitCodes.Ok;
    }

    private static async Task<IReadOnlyList<ColdStartRun>> MeasureAsync(
        ColdStartRunner runner, ColdStartTarget target, ColdStartOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        for (var i = 0; i < options.Warmup; i++)
        {
            await runner.RunOnceAsync(target, cancellationToken);
        }

        var runs = new List<ColdStartRun>();
        for (var i = 0; i < options.Runs; i++)
        {
            var run = await runner.RunOnceAsync(target, cancellationToken);
            runs.Add(run);
            await progress.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"{target.Name} run {i + 1}/{options.Runs}: init {run.InitMilliseconds:F1} ms, first response {run.FirstResponseMilliseconds:F1} ms, peak RSS {run.PeakRssKilobytes / 1024.0:F1} MB"));
        }

        return runs;
    }
}
