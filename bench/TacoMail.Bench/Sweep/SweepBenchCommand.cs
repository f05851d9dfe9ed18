using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Amazon.S3;
using Amazon.S3.Model;
using TacoMail.Bench.Delivery;
using TacoMail.Lambda.Runtime;
using TacoMail.Schema.Queue;
using TacoMail.Schema.Routing;

namespace TacoMail.Bench.Sweep;

/// <summary>
/// <c>sweep</c>: one sweep of the mail queue over N queued 10 KB messages (default 1,000), all
/// due, by the real delivery handler against DynamoDB Local, s3rver and a loopback SES listener:
/// the time it takes, per message, and the process's peak memory.
/// </summary>
internal static class SweepBenchCommand
{
    private const string Bucket = "tacomail-sweep";
    private const string ScheduledEvent =
        """{"version":"0","id":"bench","detail-type":"Scheduled Event","source":"aws.events","account":"1","time":"2026-12-01T10:00:00Z","region":"us-east-1","resources":[],"detail":{}}""";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var messages = 1_000;
        if (args is ["--messages", var text] && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out messages) || messages < 1))
        {
            await error.WriteLineAsync("error: --messages takes a whole number of at least 1");
            return BenchExitCodes.Error;
        }
        else if (args.Count > 0 && args is not ["--messages", _])
        {
            await error.WriteLineAsync("usage: sweep [--messages N]");
            return BenchExitCodes.Error;
        }

        await using var components = await DeliveryBenchComponents.StartAsync(Bucket, cancellationToken);
        var s3 = components.S3;
        var path = Path.Combine(components.Directory, "message.eml");
        BenchMessage.Write(path, 10_000);
        var message = await File.ReadAllBytesAsync(path, cancellationToken);
        await output.WriteLineAsync($"queueing {messages} messages of {message.Length / 1024} KB in s3rver at {components.S3Endpoint} ...");
        await QueueAsync(s3, message, messages, cancellationToken);
        var handler = components.CreateHandler();

        GC.Collect();
        var before = ProcessPeak.ResetSelf();
        await using var heap = new HeapSampler();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        var context = new InvocationContext("bench-sweep", DateTimeOffset.UtcNow.AddHours(1), FunctionArn: null);
        await using var response = await handler(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(ScheduledEvent)), context, cancellationToken);
        stopwatch.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var sweep = JsonDocument.Parse(response).RootElement;
        var delivered = sweep.GetProperty("delivered").GetInt32();
        var left = (await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket, Prefix = MailBucketLayout.QueuePrefix }, cancellationToken)).S3Objects?.Count ?? 0;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"""

            sweep of {messages} queued 10 KB messages (all due), date {DateTimeOffset.UtcNow:yyyy-MM-dd}
            | delivered | left in queue | time | per message | CPU in this process | allocated | peak managed heap | process peak RSS (before) |
            | --- | --- | --- | --- | --- | --- | --- | --- |
            | {delivered} | {left} | {stopwatch.Elapsed.TotalSeconds:0.00} s | {stopwatch.Elapsed.TotalMilliseconds / messages:0.0} ms | {cpu.TotalSeconds:0.00} s | {allocated / 1048576.0:0} MB | {heap.Peak / 1048576.0:0.0} MB | {ProcessPeak.Self() / 1048576.0:0.0} MB ({before / 1048576.0:0.0} MB) |
            """));
        return delivered == messages && left == 0 ? BenchExitCodes.Ok : BenchExitCodes.Error;
    }

    private static async Task QueueAsync(AmazonS3Client s3, byte[] message, int count, CancellationToken cancellationToken)
    {
        var received = DateTimeOffset.UtcNow.AddMinutes(-10);
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (i, token) =>
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"bench{i:D6}");
            var entry = new QueueEntry(
                id, received, "sender@mailer.example", ["shop@example.com"],
                MessageVerdicts.None with { Spf = VerdictStatus.Pass, Dkim = VerdictStatus.Pass, Dmarc = VerdictStatus.Pass },
                [], QueueEntryState.Queued, 1, received.AddMinutes(5), "bench");
            await Put(s3, MailBucketLayout.IncomingKey(id), message, token);
            await Put(s3, MailBucketLayout.QueueEntryKey(id), QueueEntryCodec.Encode(entry), token);
        });
    }

    private static async Task Put(AmazonS3Client s3, string key, byte[] content, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(content, writable: false);
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = key, InputStream = stream, UseChunkEncoding = false }, cancellationToken);
    }
}
