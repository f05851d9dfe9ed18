using TacoMail.Lambda.Events;
using TacoMail.Lambda.Logging;
using TacoMail.MailPath.Recipients;
using TacoMail.Schema.Routing;

namespace TacoMail.Lambda.Disposition;

/// <summary>Maps a <see cref="DispositionResult"/> to its log line; the only place outcomes become log words.</summary>
internal static class DispositionLog
{
    public const string FailSafeReason = "fail-safe";

    /// <summary>The <c>settings</c> field when the table's declared settings were read.</summary>
    public const string DeclaredSettings = "declared";

    public static DispositionLogEntry Entry(
        DispositionResult result, ReceivedMessage? message, string? messageId, string requestId, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new DispositionLogEntry
        {
            Level = result.Errors.Count == 0 ? "info" : "error",
            MessageId = message?.MessageId ?? messageId,
            RequestId = requestId,
            SenderDomain = DomainOf(message?.Source),
            Verdicts = message is null ? null : Verdicts(message.Verdicts),
            Recipients = [.. result.Recipients.Select(Recipient)],
            Disposition = result.Disposition,
            DurationMs = (long)duration.TotalMilliseconds,
            Bounce = result.Bounce is { } b ? new BounceLogEntry(Name(b.Status), b.Recipients, b.BounceMessageId, b.Reason) : null,
            Settings = result.SettingsFallback ?? DeclaredSettings,
            Errors = result.Errors,
        };
    }

    /// <summary>Dropped and bounced recipients by alias domain (delivered ones are counted by the delivery).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Metrics(DispositionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Recipients
            .Where(r => r.Key is not null && r.Decision?.Outcome is RecipientOutcome.Drop or RecipientOutcome.BounceSuppressed or RecipientOutcome.Bounce)
            .GroupBy(r => r.Key!.Value.SubDomain, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyDictionary<string, int>)new Dictionary<string, int>(StringComparer.Ordinal)
                {
                    [MetricsLine.Dropped] = g.Count(r => r.Decision!.Outcome is RecipientOutcome.Drop or RecipientOutcome.BounceSuppressed),
                    [MetricsLine.Bounced] = g.Count(r => r.Decision!.Outcome is RecipientOutcome.Bounce),
                },
                StringComparer.Ordinal);
    }

    private static RecipientLogEntry Recipient(RecipientResult result) => new(
        result.Recipient,
        result.Key?.FullAddress,
        Name(result.Lookup),
        result.Decision?.Outcome.ToName() ?? RecipientOutcome.Deliver.ToName(),
        result.Decision?.Reason.ToName() ?? FailSafeReason);

    private static VerdictsLogEntry Verdicts(MessageVerdicts verdicts) => new(
        verdicts.Spam.ToName(), verdicts.Virus.ToName(), verdicts.Spf.ToName(), verdicts.Dkim.ToName(), verdicts.Dmarc.ToName());

    private static string? DomainOf(string? address)
    {
        var at = address?.LastIndexOf('@') ?? -1;
        var domain = at < 0 ? null : address![(at + 1)..].Trim().TrimEnd('>').ToLowerInvariant();
        return string.IsNullOrEmpty(domain) ? null : domain;
    }

    private static string Name(LookupStatus status) => status switch
    {
        LookupStatus.Found => "found",
        LookupStatus.NotFound => "not-found",
        LookupStatus.Unreadable => "unreadable",
        LookupStatus.InvalidAddress => "invalid-address",
        LookupStatus.Failed => "failed",
        LookupStatus.Skipped => "skipped",
        LookupStatus.Feedback => "feedback",
        LookupStatus.Reverse => "reverse",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Undefined lookup status."),
    };

    private static string Name(BounceStatus status) => status switch
    {
        BounceStatus.Sent => "sent",
        BounceStatus.Suppressed => "suppressed",
        BounceStatus.Failed => "failed",
        BounceStatus.Skipped => "skipped",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Undefined bounce status."),
    };
}
