using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using TacoMail.Schema.Records;

namespace TacoMail.Lambda.Delivery.Storage;

/// <summary>
/// The key an <c>S3</c>-destined message is filed under:
/// <c>{mailbox prefix}{domain}/{local part}/new/{seconds}.{unique}.{host}</c>, the Maildir naming
/// scheme (cr.yp.to/proto/maildir.html). Every part is derived from the event, never from the clock
/// or the machine, so a retried delivery writes the same key instead of a second copy: the time is
/// SES's receipt time, the unique part is <c>T</c> plus 32 hex digits of the SHA-256 of message id
/// and alias, and the host is the fixed <see cref="Host"/>.
/// </summary>
internal static class MaildirName
{
    public const string Host = "tacomail";
    public const string NewFolder = "new";

    public static string Key(string mailboxPrefix, ItemKey alias, string messageId, DateTimeOffset received)
    {
        ArgumentNullException.ThrowIfNull(mailboxPrefix);
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        return $"{mailboxPrefix}{alias.SubDomain}/{alias.LocalPart}/{NewFolder}/{FileName(alias, messageId, received)}";
    }

    public static string FileName(ItemKey alias, string messageId, DateTimeOffset received)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{messageId}\n{alias.FullAddress}"));
        var seconds = received.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"{seconds}.T{Convert.ToHexStringLower(hash)[..32]}.{Host}";
    }
}
