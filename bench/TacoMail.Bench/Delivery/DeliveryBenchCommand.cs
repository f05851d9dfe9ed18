using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.S3;
using TacoMail.Bench.ColdStart;
using TacoMail.Bench.Disposition;
using TacoMail.Lambda.Configuration;
using TacoMail.Lambda.Delivery;
using TacoMail.Lambda.Delivery.Sending;
using TacoMail.Lambda.Delivery.Storage;
using TacoMail.Lambda.Ses;
using TacoMail.Reconciler.Hosting;
using TacoMail.Reconciler.Table.Local;
using TacoMail.Testing.S3;
using LambdaClients = TacoMail.Lambda.Configuration.DynamoDbClientFactory;

namespace TacoMail.Bench.Delivery;

/// <summary>
/// <c>delivery</c>: forward time and memory of the real delivery handler for messages with 10 KB
/// to 25 MB attachments, against DynamoDB Local (the benchmark table of <c>disposition</c>),
/// s3rver and a loopback SES listener, all started here and stopped at the end.
/// </summary>
internal static class DeliveryBenchCommand
{
    private const string Bucket = "tacomail-bench";
    private const string Region = "us-east-1";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args.Any(arg => arg is "--help" or "-h"))
        {
            await output.WriteAsync(DeliveryBenchOptions.Usage);
            return ExitCodes.Ok;
        }

        var options = DeliveryBenchOptions.Parse(args, out var problem);
        if (options is null)
        {
            await error.WriteLineAsync($"error: {problem}");
            return ExitCodes.Error;
        }

        try
        {
            var results = await MeasureAsync(options, output, cancellationToken);
            DeliveryBenchReport.Write(output, options, results);
            return ExitCodes.Ok;
        }
        catch (BenchmarkException exception)
        {
            await error.WriteLineAsync($"error: {exception.Message}");
            return ExitCodes.Error;
        }
    }

    private static async Task<IReadOnlyList<SizeResult>> MeasureAsync(
        DeliveryBenchOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        var environment = new SystemEnvironment();
        var installation = await new DynamoDbLocalInstaller(TacoMailCacheDirectory.Resolve(environment)).EnsureInstalledAsync(cancellationToken);
        await using var dynamo = await DynamoDbLocalProcess.StartAsync(installation, new DynamoDbLocalStartOptions(), environment, cancellationToken);
        var s3Script = await S3rverInstaller.EnsureInstalledAsync(S3rverCacheDirectory.Resolve(), cancellationToken);
        await using var s3Server = await S3rverProcess.StartAsync(s3Script, cancellationToken);
        await using var ses = new DiscardingSesListener();
        var directory = Directory.CreateTempSubdirectory("tacomail-bench-delivery-").FullName;
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
            var deliveryOptions = new DeliveryOptions
            {
                TableName = BenchTable.Name,
                Bucket = Bucket,
                IncomingPrefix = LambdaSettings.DefaultIncomingPrefix,
                MailboxPrefix = LambdaSettings.DefaultMailboxPrefix,
                TemporaryDirectory = directory,
            };
            var endpoint = new SesEndpoint(ses.Endpoint, Region);
            var handler = DeliveryFunction.Create(
                deliveryOptions,
                dynamoClient,
                new S3MailStore(s3, Bucket),
                new SesRawEmailSender(http, endpoint, new BenchCredentials(), TimeProvider.System, directory, SesRawEmailSender.DefaultTimeout),
                new NoBounces(),
                TimeProvider.System,
                new DiscardLog());
            var runner = new DeliveryBenchRunner(handler, s3, Bucket, ProcessEnvironment(dynamo.Endpoint, s3Server.Endpoint, ses.Endpoint, directory), directory);
            await progress.WriteLineAsync($"delivery against DynamoDB Local at {dynamo.Endpoint}, s3rver at {s3Server.Endpoint}, SES listener at {ses.Endpoint}");

            var results = new List<SizeResult>();
            foreach (var size in options.AttachmentSizes)
            {
                results.Add(await MeasureSizeAsync(runner, ses, options, size, directory, progress, cancellationToken));
            }

            return results;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<SizeResult> MeasureSizeAsync(
        DeliveryBenchRunner runner,
        DiscardingSesListener ses,
        DeliveryBenchOptions options,
        int attachmentBytes,
        string directory,
        TextWriter progress,
        CancellationToken cancellationToken)
    {
        var path = Path.Combine(directory, $"message-{attachmentBytes}.eml");
        BenchMessage.Write(path, attachmentBytes);
        var inProcess = new List<ForwardFigures>();
        for (var i = 0; i < options.Warmup + options.Runs; i++)
        {
            var figures = await runner.InProcessAsync(path, cancellationToken);
            if (i >= options.Warmup)
            {
                inProcess.Add(figures);
                await progress.WriteLineAsync($"  {DeliveryBenchReport.Size(attachmentBytes)} attachment, JIT run {i - options.Warmup + 1}: {figures}");
            }
        }

        var aot = new List<ForwardFigures>();
        for (var i = 0; options.Aot is not null && i < options.Warmup + options.Runs; i++)
        {
            var figures = await runner.AotAsync(options.Aot, path, cancellationToken);
            if (i >= options.Warmup)
            {
                aot.Add(figures);
                await progress.WriteLineAsync($"  {DeliveryBenchReport.Size(attachmentBytes)} attachment, AOT run {i - options.Warmup + 1}: {figures}");
            }
        }

        var result = new SizeResult(attachmentBytes, new FileInfo(path).Length, ses.LastBodyBytes, inProcess, aot);
        File.Delete(path);
        return result;
    }

    private static Dictionary<string, string> ProcessEnvironment(Uri dynamo, Uri s3, Uri ses, string directory) => new(StringComparer.Ordinal)
    {
        ["TACOMAIL_TABLE"] = BenchTable.Name,
        ["TACOMAIL_MAIL_BUCKET"] = Bucket,
        ["AWS_REGION"] = Region,
        ["AWS_ACCESS_KEY_ID"] = BenchCredentials.S3rverKey,
        ["AWS_SECRET_ACCESS_KEY"] = BenchCredentials.S3rverKey,
        ["AWS_ENDPOINT_URL_DYNAMODB"] = dynamo.AbsoluteUri,
        ["AWS_ENDPOINT_URL_S3"] = s3.AbsoluteUri,
        ["AWS_ENDPOINT_URL_SES"] = ses.AbsoluteUri,
        ["TMPDIR"] = directory,
    };
}
