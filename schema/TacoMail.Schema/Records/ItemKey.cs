namespace TacoMail.Schema.Records;

/// <summary>
/// The identity of an item in the table: its partition key (<c>sub_domain</c>) and sort key
/// (<c>alias_address</c>), exactly as stored. The planner matches desired and actual items by
/// this key, and sorts by it (ordinal: sub-domain, then local part) so that plans are stable.
/// </summary>
/// <remarks>Throws <see cref="ArgumentException"/> when either part is null or empty, which
/// DynamoDB rejects for key attributes anyway.</remarks>
public readonly record struct ItemKey : IComparable<ItemKey>
{
    public ItemKey(string subDomain, string localPart)
    {
        ArgumentException.ThrowIfNullOrEmpty(subDomain);
        ArgumentException.ThrowIfNullOrEmpty(localPart);
        SubDomain = subDomain;
        LocalPart = localPart;
    }

    /// <summary>The partition key <c>sub_domain</c>.</summary>
    public string SubDomain { get; }

    /// <summary>The sort key <c>alias_address</c>.</summary>
    public string LocalPart { get; }

    /// <summary><c>local@domain</c>, derived from the keys.</summary>
    public string FullAddress => $"{LocalPart}@{SubDomain}";

    public static bool operator <(ItemKey left, ItemKey right) => left.CompareTo(right) < 0;

    public static bool operator <=(ItemKey left, ItemKey right) => left.CompareTo(right) <= 0;

    public static bool operator >(ItemKey left, ItemKey right) => left.CompareTo(right) > 0;

    public static bool operator >=(ItemKey left, ItemKey right) => left.CompareTo(right) >= 0;

    public int CompareTo(ItemKey other)
    {
        var bySubDomain = string.CompareOrdinal(SubDomain, other.SubDomain);
        return bySubDomain != 0 ? bySubDomain : string.CompareOrdinal(LocalPart, other.LocalPart);
    }

    public override string ToString() => FullAddress;
}
