using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.S3;
using TacoMail.Bench.Disposition;
using TacoMail.Lambda.Configuration;
using TacoMail.Lambda.Delivery;
using TacoMail.Lambda.Delivery.Sending;
using TacoMail.Lambda.Delivery.Storage;
using TacoMail.Lambda.Logging;
using TacoMail.Lambda.Runtime;
using TacoMail.Lambda.Ses;
using TacoMail.Reconciler.Hosting;
using TacoMail.Reconciler.Table.Local;
using TacoMail.Testing.Npm;
using TacoMail.Testing.S3;
using TacoMail.Testing.Ses;
using LambdaClients = TacoMail.Lambda.Configuration.DynamoDbClientFactory;

namespace TacoMail.Bench.Delivery;

/// <summary>
/// What the delivery benchmarks run against, started here and stopped on dispose: DynamoDB Local
/// with the benchmark table, s3rver with one bucket, a loopback SES listener, and the real
/// delivery handler wired to them.
/// </summary>
internal sealed class DeliveryBenchComponents : IAsyncDisposable
{
    public const string Region = "us-east-1";

    private readonly DynamoDbLocalProcess _dynamo;
    private readonly S3rverProcess _s3Server;
    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };

    private DeliveryBenchComponents(DynamoDbLocalProcess dynamo, S3rverProcess s3Server, string bucket, SesBodies bodies)
    {
        Ses = LoopbackSes.Start(bodies: bodies);
        _dynamo = dynamo;
        _s3Server = s3Server;
        Bucket = bucket;
        Directory = System.IO.Directory.CreateTempSubdirectory("tacomail-bench-delivery-").FullName;
        var credentials = new BasicAWSCredentials(BenchCredentials.S3rverKey, BenchCredentials.S3rverKey);
        DynamoClient = new AmazonDynamoDBClient(credentials, LambdaClients.CreateConfig(
            new LambdaSettings { TableName = BenchTable.Name, DynamoDbEndpoint = dynamo.Endpoint, Region = Region }));
        S3 = new AmazonS3Client(credentials, S3ServerFixture.CreateConfig(s3Server.Endpoint));
    }

    public string Bucket { get; }

    /// <summary>A temporary directory for spooled messages, deleted on dispose.</summary>
    public string Directory { get; }

    /// <summary>SES on loopback: reads each request to the end, as SES would, and keeps nothing (unless asked to).</summary>
    public LoopbackSes Ses { get; }

    public AmazonDynamoDBClient DynamoClient { get; }

    public AmazonS3Client S3 { get; }

    public Uri DynamoEndpoint => _dynamo.Endpoint;

    public Uri S3Endpoint => _s3Server.Endpoint;

    public static async Task<DeliveryBenchComponents> StartAsync(string bucket, CancellationToken cancellationToken, SesBodies bodies = SesBodies.Discard)
    {
        var environment = new SystemEnvironment();
        var installation = await new DynamoDbLocalInstaller(TacoMailCacheDirectory.Resolve(environment)).EnsureInstalledAsync(cancellationToken);
        var dynamo = await DynamoDbLocalProcess.StartAsync(installation, new DynamoDbLocalStartOptions(), environment, cancellationToken);
        var s3Script = await S3rverInstaller.EnsureInstalledAsync(NpmInstaller.ForThisMachine(), cancellationToken);
        var s3Server = await S3rverProcess.StartAsync(s3Script, cancellationToken);
        var components = new DeliveryBenchComponents(dynamo, s3Server, bucket, bodies);
        await BenchTable.CreateAsync(components.DynamoClient, cancellationToken);
        await components.S3.PutBucketAsync(bucket, cancellationToken);
        return components;
    }

    /// <summary>The real delivery handler on these components, logging to <paramref name="log"/> (default nowhere).</summary>
    public LambdaHandler CreateHandler(ILogSink? log = null)
    {
        var options = new DeliveryOptions
        {
            TableName = BenchTable.Name,
            Bucket = Bucket,
            IncomingPrefix = LambdaSettings.DefaultIncomingPrefix,
            MailboxPrefix = LambdaSettings.DefaultMailboxPrefix,
            TemporaryDirectory = Directory,
        };
        var endpoint = new SesEndpoint(Ses.Endpoint, Region);
        return DeliveryFunction.Create(
            options,
            DynamoClient,
            new S3MailStore(S3, Bucket),
            new SesRawEmailSender(_http, endpoint, new BenchCredentials(), TimeProvider.System, Directory, SesRawEmailSender.DefaultTimeout),
            new NoBounces(),
            TimeProvider.System,
            log ?? new DiscardLog());
    }

    /// <summary>The variables that point the Lambda, run as a process (<c>bootstrap invoke</c>), at these components.</summary>
    public Dictionary<string, string> ProcessEnvironment() => new(StringComparer.Ordinal)
    {
        ["TACOMAIL_TABLE"] = BenchTable.Name,
        ["TACOMAIL_MAIL_BUCKET"] = Bucket,
        ["AWS_REGION"] = Region,
        ["AWS_ACCESS_KEY_ID"] = BenchCredentials.S3rverKey,
        ["AWS_SECRET_ACCESS_KEY"] = BenchCredentials.S3rverKey,
        ["AWS_ENDPOINT_URL_DYNAMODB"] = DynamoEndpoint.AbsoluteUri,
        ["AWS_ENDPOINT_URL_S3"] = S3Endpoint.AbsoluteUri,
        ["AWS_ENDPOINT_URL_SES"] = Ses.Endpoint.AbsoluteUri,
        ["TMPDIR"] = Directory,
    };

    public async ValueTask DisposeAsync()
    {
        S3.Dispose();
        DynamoClient.Dispose();
        _http.Dispose();
        await Ses.DisposeAsync();
        await _s3Server.DisposeAsync();
        await _dynamo.DisposeAsync();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
