using System.Globalization;

namespace TacoMail.Bench.ColdStart;

/// <summary>Renders the measurements as a fixed-width table, with the AOT/JIT ratio and the targets.</summary>
internal static class ColdStartReport
{
    /// <summary>Issue 4 item 9: AOT at most a third of JIT, under 100 ms to the first response, RSS under 64 MB.</summary>
    public const double MaxAotToJitRatio = 1.0 / 3;
    public const double MaxAotFirstResponseMilliseconds = 100;
    public const double MaxPeakRssMegabytes = 64;

    public static void Write(TextWriter writer, ColdStartOptions options, IReadOnlyList<(ColdStartTarget Target, IReadOnlyList<ColdStartRun> Runs)> results)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(results);
        writer.WriteLine(Invariant($"Cold start, process start to first response through a loopback Runtime API: handler {options.Handler}, event {options.Event.Length} B, {options.Runs} runs after {options.Warmup} warm-up."));
        writer.WriteLine();
        writer.WriteLine("target | init ms (median) | first response ms: median |   p90 |   min |   max | peak RSS MB: median |   max");
        writer.WriteLine("-------|------------------|---------------------------|-------|-------|-------|---------------------|------");
        var medians = new Dictionary<string, double>(StringComparer.Ordinal);
        var peakRss = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (target, runs) in results)
        {
            var init = Summary.Of(runs.Select(r => r.InitMilliseconds));
            var first = Summary.Of(runs.Select(r => r.FirstResponseMilliseconds));
            var rss = Summary.Of(runs.Select(r => r.PeakRssKilobytes / 1024.0));
            medians[target.Name] = first.Median;
            peakRss[target.Name] = rss.Max;
            writer.WriteLine(Invariant($"{target.Name,-6} | {init.Median,16:F1} | {first.Median,25:F1} | {first.P90,5:F1} | {first.Min,5:F1} | {first.Max,5:F1} | {rss.Median,19:F1} | {rss.Max,5:F1}"));
        }

        writer.WriteLine();
        foreach (var (target, _) in results)
        {
            writer.WriteLine($"{target.Name}: {target.CommandLine}");
        }

        if (!medians.TryGetValue(ColdStartTarget.AotName, out var aot))
        {
            return;
        }

        writer.WriteLine(Invariant($"AOT first response (median): {aot:F1} ms, target under {MaxAotFirstResponseMilliseconds} ms: {Verdict(aot < MaxAotFirstResponseMilliseconds)}"));
        writer.WriteLine(Invariant($"AOT peak RSS (max): {peakRss[ColdStartTarget.AotName]:F1} MB, target under {MaxPeakRssMegabytes} MB: {Verdict(peakRss[ColdStartTarget.AotName] < MaxPeakRssMegabytes)}"));
        if (medians.TryGetValue(ColdStartTarget.JitName, out var jit))
        {
            var ratio = aot / jit;
            writer.WriteLine(Invariant($"AOT/JIT first-response ratio (medians): {ratio:F3}, target at most {MaxAotToJitRatio:F3}: {Verdict(ratio <= MaxAotToJitRatio)}"));
        }
    }

    private static string Verdict(bool met) => met ? "met" : "MISSED";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
