namespace TacoMail.Lambda.Events;

/// <summary>The headers SES parses for convenience. Sender-controlled: never logged, never routed on.</summary>
internal sealed record SesCommonHeaders
{
    public string? ReturnPath { get; init; }

    public IReadOnlyList<string>? From { get; init; }

    public IReadOnlyList<string>? Sender { get; init; }

    public IReadOnlyList<string>? ReplyTo { get; init; }

    public IReadOnlyList<string>? To { get; init; }

    public IReadOnlyList<string>? Cc { get; init; }

    public IReadOnlyList<string>? Bcc { get; init; }

    public string? Date { get; init; }

    public string? MessageId { get; init; }

    public string? Subject { get; init; }
}
