using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Amazon.S3.Model;
using TacoMail.Bench.Delivery;
using TacoMail.Lambda.Runtime;
using TacoMail.MailPath.Replies;
using TacoMail.Schema.Queue;

namespace TacoMail.Bench.Reply;

/// <summary>
/// <c>reply</c>: the owner's reply with a 10 MB attachment through a reverse address, by the real
/// delivery handler in-process (authentication check, MimeKit rewrite into a spool file, streaming
/// send), against DynamoDB Local, s3rver and a loopback SES listener; beside it, alternately, a
/// forward of the same message, so the ratio says what the rewrite costs over a forward.
/// </summary>
internal static class ReplyBenchCommand
{
    private const string Bucket = "tacomail-reply";
    private const string Alias = "shop@example.com";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var runs = 5;
        var size = 10 * 1024 * 1024;
        for (var i = 0; i < args.Count; i += 2)
        {
            var ok = i + 1 < args.Count && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0;
            switch (args[i])
            {
                case "--runs" when ok:
                    runs = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                case "--bytes" when ok:
                    size = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                default:
                    await error.WriteLineAsync("usage: reply [--runs N] [--bytes N]   (N a whole number of at least 1)");
                    return BenchExitCodes.Error;
            }
        }

        await using var components = await DeliveryBenchComponents.StartAsync(Bucket, cancellationToken);
        var reverse = await new ReverseAliasStore(components.DynamoClient, Disposition.BenchTable.Name, TimeProvider.System)
            .GetOrCreateAsync(Alias, "jane@sender.example", cancellationToken);
        var replyPath = Path.Combine(components.Directory, "reply.eml");
        ReplyBenchMessage.Write(replyPath, reverse.Address.Address, size);
        var handler = components.CreateHandler();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"reply of {new FileInfo(replyPath).Length / 1048576.0:0.0} MB through a reverse address, and a forward of it, {runs} runs each after one warm-up, alternating"));

        var replies = new List<Figures>();
        var forwards = new List<Figures>();
        for (var run = 0; run <= runs; run++)
        {
            var reply = await MeasureAsync(components, handler, replyPath, reverse.Address.Address, "replied", cancellationToken);
            var forward = await MeasureAsync(components, handler, replyPath, Alias, "forwarded", cancellationToken);
            if (run > 0)
            {
                replies.Add(reply);
                forwards.Add(forward);
            }
        }

        var replyMedian = Median(replies.Select(f => f.Milliseconds));
        var forwardMedian = Median(forwards.Select(f => f.Milliseconds));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"""

            reply with a {size / 1048576.0:0} MB attachment, date {DateTimeOffset.UtcNow:yyyy-MM-dd}, in-process (JIT)
            | kind | median | fastest | slowest | peak managed heap | process peak RSS (before) |
            | --- | --- | --- | --- | --- | --- |
            {Row("reply", replies)}
            {Row("forward", forwards)}
            reply / forward (median): {replyMedian / forwardMedian:0.00}
            """));
        return BenchExitCodes.Ok;
    }

    private static async Task<Figures> MeasureAsync(
        DeliveryBenchComponents components, LambdaHandler handler, string path, string recipient, string expected, CancellationToken cancellationToken)
    {
        var messageId = $"bench{Guid.NewGuid():N}";
        await components.S3.PutObjectAsync(
            new PutObjectRequest { BucketName = components.Bucket, Key = MailBucketLayout.IncomingKey(messageId), FilePath = path, UseChunkEncoding = false },
            cancellationToken);
        GC.Collect();
        var before = ProcessPeak.ResetSelf();
        long heapPeak;
        var stopwatch = Stopwatch.StartNew();
        string response;
        await using (var heap = new HeapSampler())
        {
            var context = new InvocationContext("bench-reply", DateTimeOffset.UtcNow.AddMinutes(2), FunctionArn: null);
            await using var answer = await handler(
                new MemoryStream(Encoding.UTF8.GetBytes(ReplyBenchMessage.Event(messageId, recipient))), context, cancellationToken);
            stopwatch.Stop();
            response = await new StreamReader(answer).ReadToEndAsync(cancellationToken);
            heapPeak = heap.Peak;
        }

        var status = JsonDocument.Parse(response).RootElement.GetProperty("recipients")[0].GetProperty("status").GetString();
        if (status != expected)
        {
            throw new InvalidOperationException($"expected '{expected}', the delivery answered: {response}");
        }

        return new Figures(stopwatch.Elapsed.TotalMilliseconds, heapPeak, ProcessPeak.Self(), before);
    }

    private static string Row(string kind, IReadOnlyList<Figures> runs) => string.Create(CultureInfo.InvariantCulture,
        $"| {kind} | {Median(runs.Select(r => r.Milliseconds)):0} ms | {runs.Min(r => r.Milliseconds):0} ms | {runs.Max(r => r.Milliseconds):0} ms | {runs.Max(r => r.HeapPeak) / 1048576.0:0.0} MB | {runs.Max(r => r.RssPeak) / 1048576.0:0.0} MB ({runs.Max(r => r.RssBefore) / 1048576.0:0.0} MB) |");

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private sealed record Figures(double Milliseconds, long HeapPeak, long RssPeak, long RssBefore);
}
