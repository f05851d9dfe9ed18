using TacoMail.Schema.Records;
using TacoMail.Schema.Replies;
using TacoMail.Schema.Settings;

namespace TacoMail.MailPath.Recipients;

/// <summary>What one batched read found: the alias items by key, and the settings item when it was asked for.</summary>
/// <param name="Aliases">The items found; a key with no entry has no item.</param>
/// <param name="Settings">The decoded settings item; null when it was not asked for or does not exist.</param>
public sealed record TableLookup(IReadOnlyDictionary<ItemKey, AliasItemLookup> Aliases, DecodeResult<DeclaredSettings>? Settings)
{
    /// <summary>The reverse-address token items found, decoded; a key with no entry has no item.</summary>
    public IReadOnlyDictionary<ItemKey, DecodeResult<ReverseAliasRecord>> Reverses { get; init; } =
        new Dictionary<ItemKey, DecodeResult<ReverseAliasRecord>>();
}
