using TacoMail.Schema.Records;

namespace TacoMail.Lambda.Disposition;

/// <summary>An item found for a key: its record, or why it could not be decoded.</summary>
/// <param name="Record">The decoded alias; null when the item is unreadable.</param>
/// <param name="UnreadableReason">The decoder's reason (names keys and attributes, no values); null when readable.</param>
internal sealed record AliasItemLookup(AliasRecord? Record, string? UnreadableReason);
