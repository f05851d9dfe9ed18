using System.Globalization;
using System.Text;
using MimeKit;

namespace TacoMail.MailPath.Delivery;

/// <summary>
/// A delivery status notification (RFC 3464): <c>multipart/report</c> with a human part, the
/// machine-readable <c>message/delivery-status</c> part and the original header block
/// (<c>text/rfc822-headers</c>), as Postfix sends when it gives up. Used when SES's
/// <c>SendBounce</c> no longer can (its 24-hour window after receipt has passed).
/// </summary>
public static class DeliveryStatusNotification
{
    /// <param name="bounceSender">The From (the declared <c>bounce_sender</c>).</param>
    /// <param name="envelopeSender">The To: the original envelope sender.</param>
    /// <param name="recipients">The envelope recipients as received (the aliases, never destinations).</param>
    /// <param name="reason">Why delivery stopped.</param>
    /// <param name="diagnostic">Short diagnostic text, without addresses.</param>
    /// <param name="arrival">When SES received the message.</param>
    /// <param name="now">When the notification is written.</param>
    /// <param name="originalHeaders">The original header block, or null when it could not be read.</param>
    public static byte[] Create(
        string bounceSender,
        string envelopeSender,
        IReadOnlyList<string> recipients,
        GiveUpReason reason,
        string diagnostic,
        DateTimeOffset arrival,
        DateTimeOffset now,
        byte[]? originalHeaders)
    {
        ArgumentException.ThrowIfNullOrEmpty(bounceSender);
        ArgumentException.ThrowIfNullOrEmpty(envelopeSender);
        ArgumentNullException.ThrowIfNull(recipients);
        var domain = bounceSender[(bounceSender.LastIndexOf('@') + 1)..];
        var boundary = "tacomail-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            Encoding.UTF8.GetBytes($"{envelopeSender}\n{now.ToUnixTimeMilliseconds()}")))[..24];
        var status = Status(reason);
        var text = new StringBuilder()
            .Append("From: ").Append(new MailboxAddress("Mail Delivery System", bounceSender).ToString(encode: true)).Append("\r\n")
            .Append("To: ").Append(MailboxAddress.TryParse(envelopeSender, out var to) ? to.ToString(encode: true) : envelopeSender).Append("\r\n")
            .Append("Subject: Undelivered Mail Returned to Sender\r\n")
            .Append("Date: ").Append(MimeKit.Utils.DateUtils.FormatDate(now)).Append("\r\n")
            .Append("Message-ID: <").Append(boundary).Append('@').Append(domain).Append(">\r\n")
            .Append("Auto-Submitted: auto-replied\r\n")
            .Append("MIME-Version: 1.0\r\n")
            .Append("Content-Type: multipart/report; report-type=delivery-status; boundary=\"").Append(boundary).Append("\"\r\n")
            .Append("\r\n")
            .Append("--").Append(boundary).Append("\r\n")
            .Append("Content-Type: text/plain; charset=us-ascii\r\n\r\n")
            .Append("This is the mail system at ").Append(domain).Append(".\r\n\r\n")
            .Append("Your message could not be delivered to the recipients below: ").Append(Human(reason)).Append("\r\n\r\n");
        foreach (var recipient in recipients)
        {
            text.Append('<').Append(recipient).Append(">: ").Append(diagnostic).Append("\r\n");
        }

        text.Append("\r\n--").Append(boundary).Append("\r\n")
            .Append("Content-Type: message/delivery-status\r\n\r\n")
            .Append("Reporting-MTA: dns; ").Append(domain).Append("\r\n")
            .Append("Arrival-Date: ").Append(MimeKit.Utils.DateUtils.FormatDate(arrival)).Append("\r\n");
        foreach (var recipient in recipients)
        {
            text.Append("\r\nFinal-Recipient: rfc822; ").Append(recipient).Append("\r\n")
                .Append("Action: failed\r\n")
                .Append("Status: ").Append(status).Append("\r\n")
                .Append("Diagnostic-Code: X-TacoMail; ").Append(diagnostic).Append("\r\n");
        }

        var bytes = new List<byte>(Encoding.UTF8.GetBytes(text.ToString()));
        if (originalHeaders is { Length: > 0 })
        {
            bytes.AddRange(Encoding.ASCII.GetBytes($"\r\n--{boundary}\r\nContent-Type: text/rfc822-headers\r\n\r\n"));
            bytes.AddRange(originalHeaders);
            if (originalHeaders[^1] != '\n')
            {
                bytes.AddRange("\r\n"u8.ToArray());
            }
        }

        bytes.AddRange(Encoding.ASCII.GetBytes($"\r\n--{boundary}--\r\n"));
        return [.. bytes];
    }

    /// <summary>The RFC 3463 status code Postfix would report.</summary>
    public static string Status(GiveUpReason reason) => reason switch
    {
        GiveUpReason.TooLarge => "5.3.4",
        GiveUpReason.Rejected => "5.0.0",
        GiveUpReason.Expired => "4.4.7",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Undefined reason."),
    };

    private static string Human(GiveUpReason reason) => reason switch
    {
        GiveUpReason.TooLarge => "it is larger than the 40 MB that can be forwarded.",
        GiveUpReason.Rejected => "the mailbox it is forwarded to refused it.",
        GiveUpReason.Expired => string.Create(CultureInfo.InvariantCulture, $"it stayed undeliverable for too long."),
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Undefined reason."),
    };
}
