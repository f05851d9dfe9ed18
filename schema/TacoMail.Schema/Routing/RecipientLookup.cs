using TacoMail.Schema.Records;

namespace TacoMail.Schema.Routing;

/// <summary>
/// A recipient address reduced to the table key it is looked up under: lower case, punycode
/// domain, quotes removed, sub-address removed. <see cref="SubAddress"/> keeps what was stripped
/// (without its separator) so that callers can explain it.
/// </summary>
public sealed record RecipientLookup(string Recipient, ItemKey Key, string? Separator, string? SubAddress)
{
    /// <summary>
    /// The key of the whole local part, sub-address included, when one was stripped: an alias whose
    /// own name holds a separator (<c>my+shop</c>, from an earlier system or other separators) is an
    /// exact match and wins over stripping. Null when nothing was stripped.
    /// </summary>
    public ItemKey? ExactKey => Separator is null ? null : new ItemKey(Key.SubDomain, $"{Key.LocalPart}{Separator}{SubAddress}");

    /// <summary>The key of the address as written, sub-address and all: what names one particular address, not an alias.</summary>
    public ItemKey WholeKey => ExactKey ?? Key;

    /// <summary>The keys to look up, in the order they win: <see cref="ExactKey"/>, then <see cref="Key"/>.</summary>
    public IReadOnlyList<ItemKey> Candidates => ExactKey is { } exact ? [exact, Key] : [Key];

    /// <summary>The first candidate <paramref name="exists"/> accepts, else <see cref="Key"/> (the alias that is missing).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="exists"/> is null.</exception>
    public ItemKey Resolve(Func<ItemKey, bool> exists)
    {
        ArgumentNullException.ThrowIfNull(exists);
        return ExactKey is { } exact && exists(exact) ? exact : Key;
    }
}
