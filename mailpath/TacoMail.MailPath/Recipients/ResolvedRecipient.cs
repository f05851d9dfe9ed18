using TacoMail.Schema.Records;
using TacoMail.Schema.Replies;
using TacoMail.Schema.Routing;

namespace TacoMail.MailPath.Recipients;

/// <summary>One envelope recipient matched against the table.</summary>
/// <param name="Recipient">The envelope recipient as received.</param>
/// <param name="Key">The key it resolved to (the exact address when that alias exists); null for an invalid address.</param>
/// <param name="Lookup">How the lookup went.</param>
/// <param name="Status">What the table says, for <see cref="MessagePolicy.Decide"/>.</param>
/// <param name="Record">The alias, when found and readable.</param>
/// <param name="UnreadableReason">The decoder's reason when the item is unreadable.</param>
public sealed record ResolvedRecipient(
    string Recipient,
    ItemKey? Key,
    LookupStatus Lookup,
    RecipientStatus Status,
    AliasRecord? Record,
    string? UnreadableReason)
{
    /// <summary>
    /// For a reverse address (<see cref="LookupStatus.Reverse"/>): the pair it stands for. Then
    /// <see cref="Key"/> is the reverse address and <see cref="Record"/> the alias replies go out from.
    /// </summary>
    public ReverseAliasRecord? Reverse { get; init; }

    /// <summary>Whether the message counts as a use of the alias (<see cref="UseCountIncrementer.CountsAsUse"/>).</summary>
    public bool CountsAsUse => UseCountIncrementer.CountsAsUse(Lookup);
}
