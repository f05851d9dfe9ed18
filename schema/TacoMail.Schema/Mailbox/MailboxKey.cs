using TacoMail.Schema.Queue;
using TacoMail.Schema.Records;

namespace TacoMail.Schema.Mailbox;

/// <summary>
/// A filed message's key in the mail bucket, <c>{prefix}{domain}/{local part}/new/{Maildir name}</c>
/// (the prefix is <see cref="MailBucketLayout.MailboxPrefix"/> unless configured). The delivery
/// writes it and <c>tacomail fetch</c> parses it; a key outside this shape is not a message, so a
/// stray object never becomes a file with a surprising name or gets deleted.
/// </summary>
/// <param name="Domain">The alias's domain.</param>
/// <param name="LocalPart">The alias's local part.</param>
/// <param name="FileName">The Maildir file name (<see cref="MaildirName"/>).</param>
public readonly record struct MailboxKey(string Domain, string LocalPart, string FileName)
{
    /// <summary>The Maildir folder new mail is put in.</summary>
    public const string NewFolder = "new";

    /// <summary>Where mail for the alias <paramref name="localPart"/>@<paramref name="domain"/> is filed, ending in <c>/</c>.</summary>
    public static string FolderOf(string prefix, string domain, string localPart)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        return $"{prefix}{domain}/{localPart}/{NewFolder}/";
    }

    /// <summary>The key the delivery files message <paramref name="messageId"/> for <paramref name="alias"/> under.</summary>
    public static string For(string prefix, ItemKey alias, string messageId, DateTimeOffset received) =>
        FolderOf(prefix, alias.SubDomain, alias.LocalPart) + MaildirName.For(alias, messageId, received);

    /// <summary>The parts of <paramref name="key"/>, or null when it is not a filed message under <paramref name="prefix"/>.</summary>
    public static MailboxKey? TryParse(string prefix, string key)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentNullException.ThrowIfNull(key);
        if (!key.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        return key[prefix.Length..].Split('/') is [var domain, var local, NewFolder, var name]
            && domain.Length > 0 && local.Length > 0 && MaildirName.IsValidUniqueName(name)
            ? new MailboxKey(domain, local, name)
            : null;
    }
}
