namespace TacoMail.Lambda.Delivery;

/// <summary>
/// What the delivery step needs from its environment, in one place for tests to vary. The
/// routing settings (bounce sender, feedback address, separators, policies) are not here: they
/// are read from the table with the recipients.
/// </summary>
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

    /// <summary>Where the message and the request body are spooled (Lambda's <c>/tmp</c>).</summary>
    public required string TemporaryDirectory { get; init; }

    public long MaxMessageBytes { get; init; } = SesMaxMessageBytes;
}
