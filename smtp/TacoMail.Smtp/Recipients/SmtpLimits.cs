namespace TacoMail.Smtp.Recipients;

/// <summary>The limits a client is held to.</summary>
/// <param name="MaxMessageSize">Bytes; advertised as <c>SIZE</c>. SES's own limit (40 MB) by default, so a message accepted here could also be received there.</param>
/// <param name="MaxRecipients">Accepted recipients per message; more get 452 4.5.3 (the client sends those in another transaction).</param>
/// <param name="LookupTimeout">How long one recipient's table lookup may take before it is deferred.</param>
internal sealed record SmtpLimits(int MaxMessageSize, int MaxRecipients, TimeSpan LookupTimeout)
{
    public const int DefaultMaxMessageSize = 40 * 1024 * 1024;

    public const int DefaultMaxRecipients = 100;

    public static SmtpLimits Default { get; } = new(DefaultMaxMessageSize, DefaultMaxRecipients, TimeSpan.FromSeconds(10));
}
