using System.Globalization;
using TacoMail.Bench.ColdStart;
using TacoMail.Bench.Delivery;
using TacoMail.Bench.Disposition;
using TacoMail.MailPath.Replies;

namespace TacoMail.Bench.Reply;

/// <summary>
/// <c>reply</c>: the owner's reply with a 10 MB attachment through a reverse address, by the real
/// delivery handler (authentication check, MimeKit rewrite into a spool file, streaming send),
/// in-process and, with <c>--aot</c>, as the Native AOT bootstrap that Lambda runs; against
/// DynamoDB Local, s3rver and a loopback SES listener. Beside it, alternately, a forward of the
/// same message, so the ratio says what the rewrite costs over a forward.
/// </summary>
internal static class ReplyBenchCommand
{
    private const string Bucket = "tacomail-reply";
    private const string Alias = "shop@example.com";
    private const string Usage = "usage: reply [--runs N] [--bytes N] [--aot PATH]   (N a whole number of at least 1; PATH the AOT bootstrap)";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var (runs, size, aot) = (5, 10 * 1024 * 1024, (string?)null);
        for (var i = 0; i < args.Count; i += 2)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            var number = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed > 0 ? parsed : (int?)null;
            switch (args[i])
            {
                case "--runs" when number is { } n:
                    runs = n;
                    break;
                case "--bytes" when number is { } n:
                    size = n;
                    break;
                case "--aot" when File.Exists(value):
                    aot = value;
                    break;
                default:
                    await error.WriteLineAsync(Usage);
                    return BenchExitCodes.Error;
            }
        }

        try
        {
            await MeasureAsync(runs, size, aot, output, cancellationToken);
            return BenchExitCodes.Ok;
        }
        catch (BenchmarkException exception)
        {
            await error.WriteLineAsync($"error: {exception.Message}");
            return BenchExitCodes.Error;
        }
    }

    private static async Task MeasureAsync(int runs, int size, string? aot, TextWriter output, CancellationToken cancellationToken)
    {
        await using var components = await DeliveryBenchComponents.StartAsync(Bucket, cancellationToken);
        var reverse = await new ReverseAliasStore(components.DynamoClient, BenchTable.Name, TimeProvider.System)
            .GetOrCreateAsync(Alias, "jane@sender.example", cancellationToken);
        var path = Path.Combine(components.Directory, "reply.eml");
        ReplyBenchMessage.Write(path, reverse.Address.Address, size);
        var handler = components.CreateHandler();
        var environment = components.ProcessEnvironment();
        var reply = new DeliveryBenchRunner(
            handler, components.S3, Bucket, environment, components.Directory, id => ReplyBenchMessage.Event(id, reverse.Address.Address));
        var forward = new DeliveryBenchRunner(
            handler, components.S3, Bucket, environment, components.Directory, id => ReplyBenchMessage.Event(id, Alias));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"reply of {new FileInfo(path).Length / 1048576.0:0.0} MB through a reverse address, and a forward of it: {runs} runs each after one warm-up, alternating"));

        var figures = new Dictionary<string, List<ForwardFigures>>(StringComparer.Ordinal);
        for (var run = 0; run <= runs; run++)
        {
            await RecordAsync(figures, "reply", run, components, () => reply.InProcessAsync(path, cancellationToken), output);
            await RecordAsync(figures, "forward", run, components, () => forward.InProcessAsync(path, cancellationToken), output);
            if (aot is not null)
            {
                await RecordAsync(figures, "reply AOT", run, components, () => reply.AotAsync(aot, path, cancellationToken), output);
                await RecordAsync(figures, "forward AOT", run, components, () => forward.AotAsync(aot, path, cancellationToken), output);
            }
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"""

            reply with a {size / 1048576.0:0} MB attachment, date {DateTimeOffset.UtcNow:yyyy-MM-dd}
            | kind | median | fastest | slowest | allocated | peak managed heap | peak RSS |
            | --- | --- | --- | --- | --- | --- | --- |
            """));
        foreach (var (kind, list) in figures)
        {
            await output.WriteLineAsync(Row(kind, list));
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"reply / forward (median, in-process): {Median(figures["reply"]) / Median(figures["forward"]):0.00}"));
        if (aot is not null)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"reply / forward (median, AOT process): {Median(figures["reply AOT"]) / Median(figures["forward AOT"]):0.00}"));
        }
    }

    /// <summary>Runs one measurement and checks that it sent one message (a dropped reply would also finish as delivered).</summary>
    private static async Task RecordAsync(
        Dictionary<string, List<ForwardFigures>> figures, string kind, int run, DeliveryBenchComponents components, Func<Task<ForwardFigures>> measure, TextWriter output)
    {
        var before = components.Ses.SendEmails.Count;
        var measured = await measure();
        if (components.Ses.SendEmails.Count != before + 1)
        {
            throw new BenchmarkException($"{kind}: the handler finished without sending through SES");
        }

        if (run > 0)
        {
            (figures.TryGetValue(kind, out var list) ? list : figures[kind] = []).Add(measured);
            await output.WriteLineAsync($"  {kind} run {run}: {measured}");
        }
    }

    private static string Row(string kind, IReadOnlyList<ForwardFigures> runs) => string.Create(CultureInfo.InvariantCulture,
        $"| {kind} | {Median(runs):0} ms | {runs.Min(r => r.Milliseconds):0} ms | {runs.Max(r => r.Milliseconds):0} ms | {Size(runs.Max(r => r.Allocated))} | {Size(runs.Max(r => r.PeakHeap))} | {(kind.EndsWith("AOT", StringComparison.Ordinal) ? "" : "+")}{DeliveryBenchReport.Size(runs.Max(r => r.PeakRss))} |");

    private static string Size(long? bytes) => bytes is { } b ? DeliveryBenchReport.Size(b) : "–";

    private static double Median(IEnumerable<ForwardFigures> runs)
    {
        var sorted = runs.Select(r => r.Milliseconds).Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
