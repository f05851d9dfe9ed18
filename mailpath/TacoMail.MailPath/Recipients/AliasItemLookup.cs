using TacoMail.Schema.Records;

namespace TacoMail.MailPath.Recipients;

/// <summary>An item found for a key: its record, or why it could not be decoded.</summary>
/// <param name="Record">The decoded alias; null when the item is unreadable.</param>
/// <param name="UnreadableReason">The decoder's reason (names keys and attributes, no values); null when readable.</param>
public sealed record AliasItemLookup(AliasRecord? Record, string? UnreadableReason);
