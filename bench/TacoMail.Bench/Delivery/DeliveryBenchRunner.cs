using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Amazon.S3;
using Amazon.S3.Model;
using TacoMail.Bench.ColdStart;
using TacoMail.Lambda.Runtime;
using TacoMail.Schema.Queue;

namespace TacoMail.Bench.Delivery;

/// <summary>
/// Runs forwards of one stored message: each run stores the message under a fresh id (a delivered
/// message is deleted), then invokes the handler in-process, or the AOT bootstrap as a process,
/// and measures it. The event names the stored message; by default it is a forward to
/// <c>shop@example.com</c>, and <paramref name="eventFor"/> chooses another (a reply).
/// </summary>
internal sealed class DeliveryBenchRunner(
    LambdaHandler handler,
    AmazonS3Client s3,
    string bucket,
    IReadOnlyDictionary<string, string> processEnvironment,
    string directory,
    Func<string, string>? eventFor = null)
{
    private readonly Func<string, string> _eventFor = eventFor ?? Event;

    private const string EventTemplate = """
        {"Records":[{"eventSource":"aws:ses","eventVersion":"1.0","ses":{
          "mail":{"timestamp":"2026-11-29T10:00:00.000Z","source":"jane@sender.example","messageId":"MESSAGE_ID"},
          "receipt":{"timestamp":"2026-11-29T10:00:00.000Z","recipients":["shop@example.com"],
                     "spamVerdict":{"status":"PASS"},"virusVerdict":{"status":"PASS"},"spfVerdict":{"status":"PASS"},
                     "dkimVerdict":{"status":"PASS"},"dmarcVerdict":{"status":"PASS"},
                     "action":{"type":"Lambda","invocationType":"Event"}}}}]}
        """;

    private static readonly TimeSpan ProcessTimeout = TimeSpan.FromMinutes(2);

    public async Task<ForwardFigures> InProcessAsync(string messagePath, CancellationToken cancellationToken)
    {
        var messageId = await StoreAsync(messagePath, cancellationToken);
        using var request = new MemoryStream(Encoding.UTF8.GetBytes(_eventFor(messageId)));
        var context = new InvocationContext($"bench-{messageId}", DateTimeOffset.UtcNow.AddMinutes(2), null);

        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var rssBefore = ProcessPeak.ResetSelf();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var sampler = new HeapSampler();
        double milliseconds;
        await using (sampler)
        {
            var started = Stopwatch.GetTimestamp();
            await using var response = await handler(request, context, cancellationToken);
            milliseconds = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            await CheckAsync(response, cancellationToken);
        }

        return new ForwardFigures(
            milliseconds,
            GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore,
            sampler.Peak - heapBefore,
            ProcessPeak.Self() - rssBefore);
    }

    public async Task<ForwardFigures> AotAsync(string bootstrap, string messagePath, CancellationToken cancellationToken)
    {
        var messageId = await StoreAsync(messagePath, cancellationToken);
        var eventFile = Path.Combine(directory, $"{messageId}.json");
        await File.WriteAllTextAsync(eventFile, _eventFor(messageId), cancellationToken);
        var start = new ProcessStartInfo(bootstrap) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "invoke", "--handler", "delivery", "--event", eventFile })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in processEnvironment)
        {
            start.Environment[name] = value;
        }

        var started = Stopwatch.GetTimestamp();
        using var process = Process.Start(start) ?? throw new BenchmarkException("The bootstrap did not start.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        long peak = 0;
        while (!process.HasExited && Stopwatch.GetElapsedTime(started) < ProcessTimeout)
        {
            peak = Math.Max(peak, ProcessPeak.Of(process.Id) ?? 0);
            await Task.Delay(2, cancellationToken);
        }

        await process.WaitForExitAsync(cancellationToken);
        var milliseconds = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (process.ExitCode != 0)
        {
            throw new BenchmarkException($"The bootstrap failed ({process.ExitCode}): {await errors}");
        }

        await CheckAsync(new MemoryStream(Encoding.UTF8.GetBytes(await output)), cancellationToken);
        return new ForwardFigures(milliseconds, null, null, peak);
    }

    public static string Event(string messageId) => EventTemplate.Replace("MESSAGE_ID", messageId, StringComparison.Ordinal);

    private static async Task CheckAsync(Stream response, CancellationToken cancellationToken)
    {
        using var document = await JsonDocument.ParseAsync(response, cancellationToken: cancellationToken);
        var outcome = document.RootElement.GetProperty("outcome").GetString();
        if (outcome != "delivered")
        {
            throw new BenchmarkException($"The handler answered '{outcome}', not 'delivered': {document.RootElement}");
        }
    }

    private async Task<string> StoreAsync(string path, CancellationToken cancellationToken)
    {
        var messageId = $"bench{Guid.NewGuid():N}";
        await s3.PutObjectAsync(
            new PutObjectRequest { BucketName = bucket, Key = MailBucketLayout.IncomingKey(messageId), FilePath = path, UseChunkEncoding = false },
            cancellationToken);
        return messageId;
    }
}
