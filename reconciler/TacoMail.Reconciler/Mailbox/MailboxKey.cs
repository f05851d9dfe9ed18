namespace TacoMail.Reconciler.Mailbox;

/// <summary>
/// Reads the mailbox key layout <c>&lt;prefix&gt;&lt;domain&gt;/&lt;alias&gt;/new/&lt;name&gt;</c>
/// (docs/architecture.md section 4). Anything else under the prefix is not a message for the fetcher and is left alone,
/// so a stray object never becomes a file with a surprising name or gets deleted.
/// </summary>
internal static class MailboxKey
{
    public const string NewFolder = "new";

    /// <summary>The message behind <paramref name="stored"/>, or null when its key is not a mailbox message key.</summary>
    public static MailboxMessage? TryParse(string prefix, StoredObject stored)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentNullException.ThrowIfNull(stored);
        if (!stored.Key.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var parts = stored.Key[prefix.Length..].Split('/');
        if (parts is not [var domain, var alias, NewFolder, var name]
            || domain.Length == 0 || alias.Length == 0 || !MaildirName.IsValidUniqueName(name))
        {
            return null;
        }

        return new MailboxMessage(stored.Key, domain, alias, name, stored.Size);
    }
}
