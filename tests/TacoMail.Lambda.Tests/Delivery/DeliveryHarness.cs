using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using TacoMail.Lambda.Delivery;
using TacoMail.Lambda.Runtime;
using TacoMail.Lambda.Tests.Disposition;
using TacoMail.Schema.Model;
using TacoMail.Schema.Queue;
using TacoMail.Schema.Records;
using TacoMail.Schema.Settings;

namespace TacoMail.Lambda.Tests.Delivery;

/// <summary>The delivery handler wired to in-memory fakes (table, bucket, SES) and a fake clock.</summary>
internal sealed class DeliveryHarness : IDisposable
{
    public const string MessageId = "o3vrnil0e2ic28trm7dfhrc2v0cdelivery1";
    public const string Destination = "owner@destination.test";

    private readonly string _temporary = Directory.CreateTempSubdirectory("tacomail-unit-").FullName;

    public DeliveryHarness()
    {
        Options = new DeliveryOptions
        {
            TableName = "aliases",
            Bucket = "mail",
            IncomingPrefix = "incoming/",
            MailboxPrefix = "mailbox/",
            TemporaryDirectory = _temporary,
        };
    }

    public static string IncomingKey => "incoming/" + MessageId;

    public static string QueueEntryKey => MailBucketLayout.QueueEntryKey(MessageId);

    public static string FailedKey => MailBucketLayout.FailedKey(MessageId);

    public static string FailedEntryKey => MailBucketLayout.FailedEntryKey(MessageId);

    /// <summary>The message's queue entry (under queue/, or failed/ when <paramref name="failed"/>).</summary>
    public QueueEntry Entry(bool failed = false)
    {
        QueueEntryCodec.TryDecode(Store.Content(failed ? FailedEntryKey : QueueEntryKey), out var entry, out var problem).ShouldBeTrue(problem);
        return entry!;
    }

    /// <summary>Runs the handler on the schedule's event, <paramref name="later"/> from now on the fake clock.</summary>
    public async Task<JsonElement> SweepAsync(TimeSpan later)
    {
        Time.Advance(later);
        return await InvokeJsonAsync("""{"version":"0","id":"s-1","detail-type":"Scheduled Event","source":"aws.events","account":"1","time":"2025-05-01T10:10:00Z","region":"us-east-1","resources":[],"detail":{}}""");
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 5, 1, 10, 0, 5, TimeSpan.Zero));

    public InMemoryDynamoDb Dynamo { get; } = new();

    public InMemoryMailStore Store { get; } = new();

    public RecordingRawEmailSender Sender { get; } = new();

    public RecordingBounceSender Bounces { get; } = new();

    public CapturingLogSink Log { get; } = new();

    public InMemoryDeliveryClaims Claims { get; } = new();

    public DeliveryOptions Options { get; set; }

    /// <summary>The settings item in the table at invocation; null for none.</summary>
    public RoutingSettings? Settings { get; set; } = DispositionHarness.DefaultSettings;

    public JsonElement LastLog => JsonDocument.Parse(Log.Lines[^1]).RootElement;

    public void Alias(string address, string destination = Destination, AliasState state = AliasState.Active) =>
        Dynamo.Put(TestAliases.Alias(address, state) with { Destination = destination });

    public void StoreMessage(byte[] message) => Store.Put(IncomingKey, message);

    /// <summary>Runs the handler once and returns its response.</summary>
    /// <exception cref="DeliveryFailedException">The delivery failed transiently.</exception>
    public Task<JsonElement> InvokeAsync(params string[] recipients) => InvokeJsonAsync(Event(recipients));

    public async Task<JsonElement> InvokeJsonAsync(string json)
    {
        if (Settings is { } settings)
        {
            Dynamo.Put(SettingsItemCodec.Encode(new DeclaredSettings(settings, SafetyThresholds.Default)));
        }

        var handler = DeliveryFunction.Create(Options, Dynamo, Store, Sender, Bounces, Time, Log, Claims);
        using var request = new MemoryStream(Encoding.UTF8.GetBytes(json));
        var context = new InvocationContext("request-1", Time.GetUtcNow().AddMinutes(2), FunctionArn: null);
        await using var response = await handler(request, context, TestContext.Current.CancellationToken);
        return (await JsonDocument.ParseAsync(response, cancellationToken: TestContext.Current.CancellationToken)).RootElement;
    }

    public static string Event(IReadOnlyList<string> recipients, string verdict = "PASS", string? timestamp = "2025-05-01T10:00:00.000Z") =>
        JsonSerializer.Serialize(new
        {
            Records = new[]
            {
                new
                {
                    eventSource = "aws:ses",
                    ses = new
                    {
                        mail = new { timestamp, source = "jane@sender.test", messageId = MessageId },
                        receipt = new
                        {
                            timestamp,
                            recipients,
                            spamVerdict = new { status = "PASS" },
                            virusVerdict = new { status = "PASS" },
                            spfVerdict = new { status = verdict },
                            dkimVerdict = new { status = verdict },
                            dmarcVerdict = new { status = verdict },
                        },
                    },
                },
            },
        });

    public static IReadOnlyList<string?> Statuses(JsonElement response) =>
        [.. response.GetProperty("recipients").EnumerateArray().Select(r => r.GetProperty("status").GetString())];

    public void Dispose() => Directory.Delete(_temporary, recursive: true);
}
