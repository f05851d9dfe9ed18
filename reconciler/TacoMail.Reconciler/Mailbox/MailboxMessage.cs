namespace TacoMail.Reconciler.Mailbox;

/// <summary>
/// A message the delivery Lambda filed under <c>&lt;prefix&gt;&lt;domain&gt;/&lt;alias&gt;/new/&lt;name&gt;</c>.
/// <see cref="Name"/> is its Maildir unique name, which becomes the local file name.
/// </summary>
internal sealed record MailboxMessage(string Key, string Domain, string Alias, string Name, long Size)
{
    /// <summary>The alias the message was sent to, for people.</summary>
    public string Address => $"{Alias}@{Domain}";
}
