using System.Globalization;
using TacoMail.Bench.ColdStart;

namespace TacoMail.Bench.Delivery;

/// <summary>Prints the figures as one table (medians over the runs; memory as the run's maximum).</summary>
internal static class DeliveryBenchReport
{
    public static void Write(TextWriter output, DeliveryBenchOptions options, IReadOnlyList<SizeResult> results)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(results);
        output.WriteLine();
        output.WriteLine(Invariant($"delivery: forward one message through SES v2 SendEmail (loopback), {options.Runs} runs per size after {options.Warmup} warm-up"));
        output.WriteLine("| attachment | message as sent | SendEmail JSON | JIT time (median) | JIT allocated | JIT peak heap + | JIT peak RSS + | JIT peak heap / message |"
            + (options.Aot is null ? string.Empty : " AOT invoke time (median) | AOT process peak RSS | AOT peak RSS / message |"));
        output.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |" + (options.Aot is null ? string.Empty : " ---: | ---: | ---: |"));
        foreach (var result in results)
        {
            var time = Summary.Of(result.InProcess.Select(r => r.Milliseconds));
            var heap = result.InProcess.Max(r => r.PeakHeap ?? 0);
            var row = Invariant(
                $"| {Size(result.AttachmentBytes)} | {Size(result.MessageBytes)} | {Size(result.RequestBytes)} | {time.Median:F1} ms | {Size(result.InProcess.Max(r => r.Allocated ?? 0))} | {Size(heap)} | {Size(result.InProcess.Max(r => r.PeakRss))} | {(double)heap / result.MessageBytes:F2} |");
            if (result.Aot.Count > 0)
            {
                var rss = result.Aot.Max(r => r.PeakRss);
                row += Invariant($" {Summary.Of(result.Aot.Select(r => r.Milliseconds)).Median:F1} ms | {Size(rss)} | {(double)rss / result.MessageBytes:F2} |");
            }

            output.WriteLine(row);
        }
    }

    public static string Size(long bytes) => bytes switch
    {
        >= 1024 * 1024 => Invariant($"{bytes / 1024.0 / 1024.0:F1} MiB"),
        >= 1024 => Invariant($"{bytes / 1024.0:F1} KiB"),
        _ => Invariant($"{bytes} B"),
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
