using TacoMail.Schema.Routing;

namespace TacoMail.Lambda.Delivery;

/// <summary>What the delivery step needs from the configuration, in one place for tests to vary.</summary>
internal sealed record DeliveryOptions
{
    /// <summary>SES v2's limit for one message as sent (40 MB, read as decimal megabytes to stay on the safe side).</summary>
    public const long SesMaxMessageBytes = 40_000_000;

    /// <summary>The alias table (<c>TACOMAIL_TABLE</c>).</summary>
    public required string TableName { get; init; }

    /// <summary>The mail bucket (<c>TACOMAIL_MAIL_BUCKET</c>).</summary>
    public required string Bucket { get; init; }

    public required string IncomingPrefix { get; init; }

    public required string MailboxPrefix { get; init; }

    /// <summary>The From of bounces for messages too large to forward; null disables them.</summary>
    public string? BounceSender { get; init; }

    public MessagePolicy Policy { get; init; } = MessagePolicy.Default;

    public SubAddressSeparators Separators { get; init; } = SubAddressSeparators.Default;

    /// <summary>Where the message and the request body are spooled (Lambda's <c>/tmp</c>).</summary>
    public required string TemporaryDirectory { get; init; }

    public long MaxMessageBytes { get; init; } = SesMaxMessageBytes;
}
