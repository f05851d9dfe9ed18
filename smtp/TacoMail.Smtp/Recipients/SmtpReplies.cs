using SmtpServer.Protocol;

namespace TacoMail.Smtp.Recipients;

/// <summary>
/// Every reply this server writes itself, with its RFC 3463 enhanced status code, so that the
/// codes clients and tests see are spelled once. None names an alias's state: "disabled" and
/// "unknown" read alike to the sender, as Postfix's "User unknown" does.
/// </summary>
internal static class SmtpReplies
{
    public static SmtpResponse Unknown { get; } = new(SmtpReplyCode.MailboxUnavailable, "5.1.1 Recipient address rejected: user unknown");

    public static SmtpResponse Disabled { get; } = Unknown;

    public static SmtpResponse InvalidAddress { get; } = new(SmtpReplyCode.MailboxUnavailable, "5.1.3 Recipient address rejected: bad address syntax");

    /// <summary>The table could not be read: a deferral, so the sender retries; never a rejection.</summary>
    public static SmtpResponse LookupFailed { get; } = new((SmtpReplyCode)451, "4.3.0 Temporary lookup failure, try again later");

    public static SmtpResponse TooManyRecipients { get; } = new((SmtpReplyCode)452, "4.5.3 Too many recipients");

    public static SmtpResponse TooLarge { get; } = new((SmtpReplyCode)552, "5.3.4 Message size exceeds fixed limit");

    /// <summary>The message could not be queued durably: the client keeps it and retries.</summary>
    public static SmtpResponse NotQueued { get; } = new((SmtpReplyCode)451, "4.3.0 Message not queued, try again later");

    public static SmtpResponse Queued(string id) => new(SmtpReplyCode.Ok, $"2.0.0 Ok: queued as {id}");
}
