using System.Globalization;
using System.Text;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.S3.Model;
using Microsoft.Extensions.Time.Testing;
using TacoMail.Lambda.Configuration;
using TacoMail.Lambda.Delivery;
using TacoMail.Lambda.Delivery.Sending;
using TacoMail.Lambda.Delivery.Storage;
using TacoMail.Lambda.Disposition;
using TacoMail.Lambda.Runtime;
using TacoMail.Lambda.Ses;
using TacoMail.Reconciler.Table;
using TacoMail.Schema.Model;
using TacoMail.Schema.Records;
using TacoMail.Schema.Routing;
using TacoMail.Schema.Settings;
using TacoMail.Testing;
using TacoMail.Testing.DynamoDb;
using TacoMail.Testing.Lambda;
using TacoMail.Testing.S3;
using TacoMail.Testing.Ses;
using LambdaClientFactory = TacoMail.Lambda.Configuration.DynamoDbClientFactory;

namespace TacoMail.IntegrationTests.Delivery;

/// <summary>
/// The delivery handler on real components: an alias table in DynamoDB Local, a bucket in s3rver,
/// the loopback SES, and the production clients (S3 store, streaming SES sender, bounce sender).
/// Every client signs with the s3rver key pair, so a separate Lambda process sees the same table.
/// </summary>
internal sealed class DeliveryHarness : IAsyncDisposable
{
    public const string BounceSender = "mailer-daemon@example.com";
    public const string FeedbackAddress = "feedback@example.com";
    public const string Region = S3ServerFixture.Region;

    private readonly S3ServerFixture _s3;
    private readonly TemporaryDirectory _temporary = new();
    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };

    private DeliveryHarness(DynamoDbLocalFixture dynamo, S3ServerFixture s3, LoopbackSes ses)
    {
        _s3 = s3;
        Ses = ses;
        DynamoEndpoint = dynamo.Endpoint;
        Dynamo = new AmazonDynamoDBClient(
            new BasicAWSCredentials(S3ServerFixture.AccessKey, S3ServerFixture.SecretKey),
            LambdaClientFactory.CreateConfig(new LambdaSettings { TableName = "unused", DynamoDbEndpoint = dynamo.Endpoint, Region = Region }));
    }

    public LoopbackSes Ses { get; }

    public AmazonDynamoDBClient Dynamo { get; }

    public Uri DynamoEndpoint { get; }

    public CapturingLogSink Log { get; } = new();

    public string Table { get; } = DynamoDbLocalFixture.NewTableName("delivery");

    public string Bucket { get; private set; } = string.Empty;

    public DeliveryOptions Options => new()
    {
        TableName = Table,
        Bucket = Bucket,
        IncomingPrefix = LambdaSettings.DefaultIncomingPrefix,
        MailboxPrefix = LambdaSettings.DefaultMailboxPrefix,
        TemporaryDirectory = _temporary.Path,
    };

    /// <summary>The declared settings the harness writes to the table, as tacomail apply would.</summary>
    public static RoutingSettings Settings { get; } =
        new(BounceSender, FeedbackAddress, SubAddressSeparators.Default, MessagePolicy.Default);

    /// <summary>Writes the settings item, as <c>tacomail apply</c> does from tacomail.yaml.</summary>
    public Task PutSettingsAsync(RoutingSettings settings) =>
        Dynamo.PutItemAsync(Table, SettingsItemCodec.Encode(new DeclaredSettings(settings, SafetyThresholds.Default)), TestContext.Current.CancellationToken);

    public static async Task<DeliveryHarness> CreateAsync(
        DynamoDbLocalFixture dynamo, S3ServerFixture s3, Func<SesRequest, SesAnswer>? answer = null)
    {
        var harness = new DeliveryHarness(dynamo, s3, LoopbackSes.Start(answer, SesBodies.File));
        await new TableInitializer().EnsureTableAsync(harness.Dynamo, harness.Table, TestContext.Current.CancellationToken);
        harness.Bucket = await s3.CreateBucketAsync("delivery", TestContext.Current.CancellationToken);
        await harness.PutSettingsAsync(Settings);
        return harness;
    }

    public async Task PutAliasAsync(string address, string destination, AliasState state = AliasState.Active)
    {
        var at = address.LastIndexOf('@');
        var record = new AliasRecord(
            new ItemKey(address[(at + 1)..], address[..at]), destination, state, Guid.NewGuid().ToString(), 1_700_000_000, 1_700_000_000, 0);
        await Dynamo.PutItemAsync(Table, AliasItemCodec.Encode(record), TestContext.Current.CancellationToken);
    }

    public static string IncomingKey(string messageId) => LambdaSettings.DefaultIncomingPrefix + messageId;

    /// <summary>Stores the message where the rule's S3 action would.</summary>
    public Task StoreAsync(string messageId, byte[] message) =>
        _s3.PutAsync(Bucket, IncomingKey(messageId), message, TestContext.Current.CancellationToken);

    public Task StoreFileAsync(string messageId, string path) =>
        _s3.PutFileAsync(Bucket, IncomingKey(messageId), path, TestContext.Current.CancellationToken);

    /// <summary>Runs the handler once, in process, on the event for <paramref name="recipients"/>.</summary>
    /// <exception cref="DeliveryFailedException">The delivery failed transiently.</exception>
    public async Task<string> InvokeAsync(string messageId, IReadOnlyList<string> recipients, DeliveryOptions? options = null) =>
        await InvokeJsonAsync(DeliveryTestEvent.Create(messageId, recipients), options);

    /// <summary>Runs the handler once, in process, on any event.</summary>
    public Task<string> InvokeEventAsync(string json) => InvokeJsonAsync(json);

    /// <summary>The bounces the disposition asked SES for.</summary>
    public RecordingBounceSender DispositionBounces { get; } = new();

    /// <summary>Runs the disposition handler once, in process, on the same table, as the rule's RequestResponse action would.</summary>
    public async Task<string> DisposeOfAsync(string json)
    {
        var handler = DispositionFunction.Create(
            new LambdaSettings { TableName = Table, DynamoDbEndpoint = DynamoEndpoint, Region = Region }, Dynamo, DispositionBounces, Time, Log);
        using var request = new MemoryStream(Encoding.UTF8.GetBytes(json));
        var context = new InvocationContext("it-disposition", Time.GetUtcNow().AddSeconds(30), FunctionArn: null);
        await using var response = await handler(request, context, TestContext.Current.CancellationToken);
        using var reader = new StreamReader(response);
        return await reader.ReadToEndAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Runs the handler on the EventBridge schedule's event: one sweep of the queue.</summary>
    public Task<string> SweepAsync() => InvokeJsonAsync(DeliveryTestEvent.Schedule);

    /// <summary>
    /// The clock the handlers run on: five seconds after SES received the test events, moved on
    /// only by the tests themselves (queue backoff and lifetime).
    /// </summary>
    public FakeTimeProvider Time { get; } = new(DateTimeOffset.Parse(DeliveryTestEvent.Timestamp, CultureInfo.InvariantCulture).AddSeconds(5));

    /// <summary>When set, the handlers reach DynamoDB through this client (a fault: a closed port).</summary>
    public IAmazonDynamoDB? DynamoFault { get; set; }

    /// <summary>When set, the handlers reach S3 through this client (a fault: a closed port).</summary>
    public Amazon.S3.IAmazonS3? S3Fault { get; set; }

    private async Task<string> InvokeJsonAsync(string json, DeliveryOptions? options = null)
    {
        var handler = CreateHandler(options ?? Options);
        using var request = new MemoryStream(Encoding.UTF8.GetBytes(json));
        var context = new InvocationContext("it-delivery", Time.GetUtcNow().AddMinutes(2), FunctionArn: null);
        await using var response = await handler(request, context, TestContext.Current.CancellationToken);
        using var reader = new StreamReader(response);
        return await reader.ReadToEndAsync(TestContext.Current.CancellationToken);
    }

    public async Task<bool> ExistsAsync(string key)
    {
        try
        {
            await _s3.Client.GetObjectMetadataAsync(Bucket, key, TestContext.Current.CancellationToken);
            return true;
        }
        catch (Amazon.S3.AmazonS3Exception exception) when (exception.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    public async Task<IReadOnlyDictionary<string, string>> TagsAsync(string key)
    {
        var response = await _s3.Client.GetObjectTaggingAsync(
            new GetObjectTaggingRequest { BucketName = Bucket, Key = key }, TestContext.Current.CancellationToken);
        return (response.Tagging ?? []).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
    }

    public async Task<byte[]> ReadAsync(string key)
    {
        using var response = await _s3.Client.GetObjectAsync(Bucket, key, TestContext.Current.CancellationToken);
        using var buffer = new MemoryStream();
        await response.ResponseStream.CopyToAsync(buffer, TestContext.Current.CancellationToken);
        return buffer.ToArray();
    }

    public async Task<IReadOnlyList<string>> KeysAsync(string prefix)
    {
        var response = await _s3.Client.ListObjectsV2Async(
            new ListObjectsV2Request { BucketName = Bucket, Prefix = prefix }, TestContext.Current.CancellationToken);
        return [.. (response.S3Objects ?? []).Select(o => o.Key)];
    }

    /// <summary>The variables for running the Lambda as a process against these components.</summary>
    public IReadOnlyDictionary<string, string> ProcessEnvironment() => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["TACOMAIL_TABLE"] = Table,
        ["TACOMAIL_MAIL_BUCKET"] = Bucket,
        ["AWS_REGION"] = Region,
        ["AWS_ACCESS_KEY_ID"] = S3ServerFixture.AccessKey,
        ["AWS_SECRET_ACCESS_KEY"] = S3ServerFixture.SecretKey,
        ["AWS_ENDPOINT_URL_DYNAMODB"] = DynamoEndpoint.AbsoluteUri,
        ["AWS_ENDPOINT_URL_S3"] = _s3.Endpoint.AbsoluteUri,
        ["AWS_ENDPOINT_URL_SES"] = Ses.Endpoint.AbsoluteUri,
        ["TMPDIR"] = _temporary.Path,
    };

    public async ValueTask DisposeAsync()
    {
        await Ses.DisposeAsync();
        Dynamo.Dispose();
        _http.Dispose();
        _temporary.Dispose();
    }

    private LambdaHandler CreateHandler(DeliveryOptions options)
    {
        var endpoint = new SesEndpoint(Ses.Endpoint, Region);
        var credentials = new FixedCredentials();
        return DeliveryFunction.Create(
            options,
            DynamoFault ?? Dynamo,
            new S3MailStore(S3Fault ?? _s3.Client, Bucket),
            new SesRawEmailSender(_http, endpoint, credentials, Time, _temporary.Path, TimeSpan.FromSeconds(60)),
            new SesBounceSender(new SesHttpClient(_http, endpoint, credentials, Time, TimeSpan.FromSeconds(10))),
            Time,
            Log);
    }
}
