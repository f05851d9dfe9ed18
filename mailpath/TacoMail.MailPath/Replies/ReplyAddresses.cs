using MimeKit;

namespace TacoMail.MailPath.Replies;

/// <summary>
/// Who a reply through a reverse address is between: the owner wrote from <see cref="Destination"/>
/// (D) to the reverse address standing for <see cref="Alias"/> (A) and <see cref="Correspondent"/>
/// (S); S receives it from A and must never see D. Checked on construction (and by <c>with</c>),
/// so a composer never runs with an empty address to hide or to send as.
/// </summary>
/// <param name="Alias">A: the alias the reply is sent as (the bare address, no display name).</param>
/// <param name="Destination">D: the owner's real mailbox, scrubbed from what S receives.</param>
/// <param name="Correspondent">S: the original sender, with the display name shown in To.</param>
/// <exception cref="ArgumentException">An address is empty or has no '@'.</exception>
/// <exception cref="ArgumentNullException">An argument is null.</exception>
public sealed record ReplyAddresses(string Alias, string Destination, MailboxAddress Correspondent)
{
    public string Alias { get; init => field = Address(value, nameof(Alias)); } = Address(Alias, nameof(Alias));

    public string Destination { get; init => field = Address(value, nameof(Destination)); } = Address(Destination, nameof(Destination));

    public MailboxAddress Correspondent { get; init => field = Mailbox(value); } = Mailbox(Correspondent);

    private static string Address(string value, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, name);
        return value.Contains('@', StringComparison.Ordinal)
            ? value
            : throw new ArgumentException("An e-mail address needs an '@'.", name);
    }

    private static MailboxAddress Mailbox(MailboxAddress value)
    {
        ArgumentNullException.ThrowIfNull(value, nameof(Correspondent));
        Address(value.Address, nameof(Correspondent));
        return value;
    }
}
