using System.Text;
using System.Text.Json;
using TacoMail.Lambda.Configuration;
using TacoMail.Lambda.Disposition;
using TacoMail.Lambda.Runtime;
using TacoMail.MailPath.Recipients;
using TacoMail.Schema.Records;
using TacoMail.Schema.Routing;
using TacoMail.Schema.Settings;
using TacoMail.Testing.Time;

namespace TacoMail.Lambda.Tests.Disposition;

/// <summary>The disposition handler wired to in-memory fakes and a fake clock.</summary>
internal sealed class DispositionHarness
{
    public const string RequestId = "request-1";

    public static LambdaSettings Function { get; } = new() { TableName = "aliases" };

    /// <summary>The declared settings the tests start from, as tacomail apply would write them.</summary>
    public static RoutingSettings DefaultSettings { get; } = new(
        "mailer-daemon@example.com", "mailer-daemon@example.com", SubAddressSeparators.Default, MessagePolicy.Default);

    private LambdaHandler? _handler;

    public TimerTrackingTimeProvider Time { get; } = new(new DateTimeOffset(2024, 3, 14, 9, 27, 0, TimeSpan.Zero));

    public InMemoryDynamoDb Dynamo { get; } = new();

    public RecordingBounceSender Ses { get; } = new();

    public CapturingLogSink Log { get; } = new();

    /// <summary>The settings item in the table at invocation; null for none.</summary>
    public RoutingSettings? Settings { get; set; } = DefaultSettings;

    /// <summary>Time from the invocation to its deadline.</summary>
    public TimeSpan TimeLeft { get; set; } = TimeSpan.FromSeconds(30);

    public JsonElement LogEntry => Log.SingleEntry;

    public Task<string> InvokeAsync(string json) => InvokeAsync(Encoding.UTF8.GetBytes(json));

    public async Task<string> InvokeAsync(byte[] body)
    {
        if (Settings is { } settings)
        {
            Dynamo.Put(SettingsItemCodec.Encode(new DeclaredSettings(settings, SafetyThresholds.Default)));
        }

        // One handler for the harness's life, as one warm function serves many messages.
        var handler = _handler ??= DispositionFunction.Create(Function, Dynamo, Ses, Time, Log);
        using var request = new MemoryStream(body);
        var context = new InvocationContext(RequestId, Time.GetUtcNow() + TimeLeft, FunctionArn: null);
        await using var response = await handler(request, context, CancellationToken.None);
        using var reader = new StreamReader(response, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }

    /// <summary>Invokes, moving the fake clock on by <paramref name="step"/> whenever the handler waits out a backoff.</summary>
    public Task<string> InvokeAdvancingAsync(string json, TimeSpan step) =>
        Time.AdvanceWhileWaitingAsync(InvokeAsync(json), step, AliasBatchReader.MaxDelay, CancellationToken.None);

    /// <summary>The <c>outcome</c> logged for each recipient, by recipient.</summary>
    public Dictionary<string, string> LoggedOutcomes() =>
        LogEntry.GetProperty("recipients").EnumerateArray()
            .ToDictionary(r => r.GetProperty("recipient").GetString()!, r => r.GetProperty("outcome").GetString()!);

    public IReadOnlyList<string> LoggedErrors() =>
        [.. LogEntry.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!)];
}
