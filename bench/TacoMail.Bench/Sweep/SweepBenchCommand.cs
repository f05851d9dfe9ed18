using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using TacoMail.Bench.Delivery;
using TacoMail.Bench.Disposition;
using TacoMail.Lambda.Configuration;
using TacoMail.Lambda.Delivery;
using TacoMail.Lambda.Delivery.Sending;
using TacoMail.Lambda.Delivery.Storage;
using TacoMail.Lambda.Runtime;
using TacoMail.Lambda.Ses;
using TacoMail.Reconciler.Hosting;
using TacoMail.Reconciler.Table.Local;
using TacoMail.Schema.Queue;
using TacoMail.Schema.Routing;
using TacoMail.Testing.S3;
using LambdaClients = TacoMail.Lambda.Configuration.DynamoDbClientFactory;

namespace TacoMail.Bench.Sweep;

/// <summary>
/// <c>sweep</c>: one sweep of the mail queue over N queued 10 KB messages (default 1,000), all
/// due, by the real delivery handler against DynamoDB Local, s3rver and a loopback SES listener:
/// the time it takes, per message, and the process's peak memory.
/// </summary>
internal static class SweepBenchCommand
{
    private const string Bucket = "tacomail-sweep";
    private const string Region = "us-east-1";
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
            return ExitCodes.Error;
        }
        else if (args.Count > 0 && args is not ["--messages", _])
        {
            await error.WriteLineAsync("usage: sweep [--messages N]");
            return ExitCodes.Error;
        }

        var environment = new SystemEnvironment();
        var installation = await new DynamoDbLocalInstaller(TacoMailCacheDirectory.Resolve(environment)).EnsureInstalledAsync(cancellationToken);
        await using var dynamo = await DynamoDbLocalProcess.StartAsync(installation, new DynamoDbLocalStartOptions(), environment, cancellationToken);
        var s3Script = await S3rverInstaller.EnsureInstalledAsync(S3rverCacheDirectory.Resolve(), cancellationToken);
        await using var s3Server = await S3rverProcess.StartAsync(s3Script, cancellationToken);
        await using var ses = new DiscardingSesListener();
        var directory = Directory.CreateTempSubdirectory("tacomail-bench-sweep-").FullName;
        var credentials = new BasicAWSCredentials(BenchCredentials.S3rverKey, BenchCredentials.S3rverKey);
        using var dynamoClient = new AmazonDynamoDBClient(credentials, LambdaClients.CreateConfig(
            new LambdaSettings { TableName = BenchTable.Name, DynamoDbEndpoint = dynamo.Endpoint, Region = Region }));
        using var s3 = new AmazonS3Client(credentials, new AmazonS3Config
        {
            ServiceURL = s3Server.Endpoint.AbsoluteUri,
            ForcePathStyle = true,
            AuthenticationRegion = Region,
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        });
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        try
        {
            await BenchTable.CreateAsync(dynamoClient, cancellationToken);
            await s3.PutBucketAsync(Bucket, cancellationToken);
            var path = Path.Combine(directory, "message.eml");
            BenchMessage.Write(path, 10_000);
            var message = await File.ReadAllBytesAsync(path, cancellationToken);
            await output.WriteLineAsync($"queueing {messages} messages of {message.Length / 1024} KB in s3rver at {s3Server.Endpoint} ...");
            await QueueAsync(s3, message, messages, cancellationToken);

            var options = new DeliveryOptions
            {
                TableName = BenchTable.Name,
                Bucket = Bucket,
                IncomingPrefix = MailBucketLayout.IncomingPrefix,
                MailboxPrefix = MailBucketLayout.MailboxPrefix,
                TemporaryDirectory = directory,
            };
            var endpoint = new SesEndpoint(ses.Endpoint, Region);
            var handler = DeliveryFunction.Create(
                options,
                dynamoClient,
                new S3MailStore(s3, Bucket),
                new SesRawEmailSender(http, endpoint, new BenchCredentials(), TimeProvider.System, directory, SesRawEmailSender.DefaultTimeout),
                new NoBounces(),
                TimeProvider.System,
                new DiscardLog());

            GC.Collect();
            var before = ProcessPeak.ResetSelf();
            await using var heap = new HeapSampler();
            var stopwatch = Stopwatch.StartNew();
            var context = new InvocationContext("bench-sweep", DateTimeOffset.UtcNow.AddHours(1), FunctionArn: null);
            await using var response = await handler(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(ScheduledEvent)), context, cancellationToken);
            stopwatch.Stop();
            var sweep = JsonDocument.Parse(response).RootElement;
            var delivered = sweep.GetProperty("delivered").GetInt32();
            var left = (await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket, Prefix = MailBucketLayout.QueuePrefix }, cancellationToken)).S3Objects?.Count ?? 0;
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"""

                sweep of {messages} queued 10 KB messages (all due), date {DateTimeOffset.UtcNow:yyyy-MM-dd}
                | delivered | left in queue | time | per message | peak managed heap | process peak RSS (before) |
                | --- | --- | --- | --- | --- | --- |
                | {delivered} | {left} | {stopwatch.Elapsed.TotalSeconds:0.00} s | {stopwatch.Elapsed.TotalMilliseconds / messages:0.0} ms | {heap.Peak / 1048576.0:0.0} MB | {ProcessPeak.Self() / 1048576.0:0.0} MB ({before / 1048576.0:0.0} MB) |
                """));
            return delivered == messages && left == 0 ? ExitCodes.Ok : ExitCodes.Error;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
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
