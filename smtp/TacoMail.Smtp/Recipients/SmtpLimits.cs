namespace TacoMail.Smtp.Recipients;

/// <summary>The limits a client is held to.</summary>
/// <param name="MaxMessageSize">Bytes; advertised as <c>SIZE</c>. SES's own limit (40 MB) by default, so a message accepted here could also be received there.</param>
/// <param name="MaxRecipients">Accepted recipients per message; more get 452 4.5.3 (the client sends those in another transaction).</param>
/// <param name="LookupTimeout">How long one recipient's table lookup may take before it is deferred.</param>
internal sealed record SmtpLimits(int MaxMessageSize, int MaxRecipients, TimeSpan LookupTimeout)
{
    public const int DefaultMaxMessageSize = 40 * 1024 * 1024;

    public const int DefaultMaxRecipients = 100;

    /// <summary>Postfix allows 50 (<c>smtpd_client_connection_count_limit</c>); a sending server rarely opens more than a few at once, and 10 keeps one host from holding hundreds of sessions.</summary>
    public const int DefaultMaxConnectionsPerClient = 10;

    /// <summary>Postfix's <c>smtpd_timeout</c> (300 s), the wait RFC 5321 4.5.3.2 asks a server to allow for every command and data block.</summary>
    public const int DefaultIdleTimeoutSeconds = 300;

    /// <summary>Long enough for a 40 MB message at about 25 KB/s; SmtpServer's own default (2 minutes) would cut off large messages on slow links.</summary>
    public const int DefaultSessionTimeoutSeconds = 1800;

    public static SmtpLimits Default { get; } = new(DefaultMaxMessageSize, DefaultMaxRecipients, TimeSpan.FromSeconds(10));

    /// <summary>Concurrent connections from one IP address; one more gets 421 4.7.0 and is closed, a deferral the client retries.</summary>
    public int MaxConnectionsPerClient { get; init; } = DefaultMaxConnectionsPerClient;

    /// <summary>How long the server waits for the client's next bytes, in a command or inside <c>DATA</c>, before it answers 421 4.4.2 and closes.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(DefaultIdleTimeoutSeconds);

    /// <summary>
    /// The most one connection may last, however busy: the idle timeout alone lets a client that sends a
    /// byte now and then hold a connection for ever. Past it the next read answers 421 4.4.2 and closes.
    /// </summary>
    public TimeSpan SessionTimeout { get; init; } = TimeSpan.FromSeconds(DefaultSessionTimeoutSeconds);
}
