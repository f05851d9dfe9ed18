using System.Diagnostics.CodeAnalysis;

namespace TacoMail.Schema.Addresses;

/// <summary>
/// The identity of an alias: its table key (<c>sub_domain</c>, <c>alias_address</c>) and its
/// <c>full_address</c>. Built from already validated parts, so every instance is a valid key.
/// Orders by domain, then local part (ordinal), which is the order plans list changes in.
/// </summary>
public sealed record AliasAddress : IComparable<AliasAddress>
{
    /// <summary>Combines two validated parts.</summary>
    /// <exception cref="ArgumentNullException">A part is null.</exception>
    public AliasAddress(DomainName domain, LocalPart localPart)
    {
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(localPart);
        Domain = domain;
        LocalPart = localPart;
    }

    public DomainName Domain { get; }

    public LocalPart LocalPart { get; }

    /// <summary>
    /// Parses <c>local@domain</c>. The domain may be Unicode (it is normalised); the local part
    /// must already be lower case.
    /// </summary>
    public static bool TryParse(
        string? text,
        [NotNullWhen(true)] out AliasAddress? value,
        [NotNullWhen(false)] out AddressError? error)
    {
        value = null;
        var at = text?.LastIndexOf('@') ?? -1;
        if (text is null || at < 0)
        {
            error = AddressError.Invalid($"'{text}' is not an address; write it as local@domain, e.g. 'shop@example.com'");
            return false;
        }

        if (!LocalPart.TryParse(text[..at], out var localPart, out error) ||
            !DomainName.TryParse(text[(at + 1)..], out var domain, out error))
        {
            return false;
        }

        value = new AliasAddress(domain, localPart);
        return true;
    }

    /// <summary>Parses an address the caller knows to be valid.</summary>
    /// <exception cref="FormatException"><paramref name="text"/> is not a valid alias address.</exception>
    public static AliasAddress Parse(string text) =>
        TryParse(text, out var value, out var error) ? value : throw new FormatException(error.Message);

    public static bool operator <(AliasAddress? left, AliasAddress? right) => Compare(left, right) < 0;

    public static bool operator <=(AliasAddress? left, AliasAddress? right) => Compare(left, right) <= 0;

    public static bool operator >(AliasAddress? left, AliasAddress? right) => Compare(left, right) > 0;

    public static bool operator >=(AliasAddress? left, AliasAddress? right) => Compare(left, right) >= 0;

    public int CompareTo(AliasAddress? other)
    {
        if (other is null)
        {
            return 1;
        }

        var byDomain = Domain.CompareTo(other.Domain);
        return byDomain != 0 ? byDomain : LocalPart.CompareTo(other.LocalPart);
    }

    /// <summary>The <c>full_address</c>: <c>local@domain</c> with the domain in ASCII form.</summary>
    public override string ToString() => $"{LocalPart.Value}@{Domain.Value}";

    private static int Compare(AliasAddress? left, AliasAddress? right) =>
        left is null ? (right is null ? 0 : -1) : left.CompareTo(right);
}
