using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using TacoMail.Schema.Records;
using TacoMail.Schema.Table;

namespace TacoMail.Schema.Replies;

/// <summary>
/// A reverse address: <c>reply.&lt;token&gt;@&lt;alias domain&gt;</c>, standing for one alias and one
/// correspondent, so that the owner's reply goes out from the alias. The token is 20 characters
/// of lower-case base32 (100 random bits: unguessable, never derived from the pair), and the
/// local part is 26 characters, well inside 64. No alias can take this form: <c>validate</c>
/// refuses an alias name that has it (<see cref="IsReverseForm"/>), and the recipient pipeline
/// checks for it before it strips a sub-address.
/// </summary>
public sealed record ReverseAddress
{
    /// <summary>What every reverse local part starts with.</summary>
    public const string Prefix = "reply.";

    /// <summary>Characters in a token: 20 × 5 bits = 100 bits of randomness.</summary>
    public const int TokenLength = 20;

    private ReverseAddress(string token, string domain)
    {
        Token = token;
        Domain = domain;
    }

    /// <summary>The random token, also the key of the reverse item.</summary>
    public string Token { get; }

    /// <summary>The alias's domain: the reverse address is received where the alias is.</summary>
    public string Domain { get; }

    public string LocalPart => Prefix + Token;

    public string Address => $"{LocalPart}@{Domain}";

    /// <summary>The key of the item that holds the pair: <c>tacomail-reverse</c> / <c>r#&lt;token&gt;</c>.</summary>
    public ItemKey ItemKey => KeyOf(Token);

    /// <summary>A new address on <paramref name="domain"/> with a fresh random token.</summary>
    /// <exception cref="ArgumentException"><paramref name="domain"/> is empty.</exception>
    public static ReverseAddress Create(string domain)
    {
        ArgumentException.ThrowIfNullOrEmpty(domain);
        // 13 random bytes make 21 base32 characters; the first 20 hold 100 random bits.
        Span<byte> random = stackalloc byte[13];
        RandomNumberGenerator.Fill(random);
        return new ReverseAddress(LowerBase32.Encode(random)[..TokenLength], domain);
    }

    /// <summary>The address with <paramref name="token"/> on <paramref name="domain"/>.</summary>
    /// <exception cref="FormatException"><paramref name="token"/> is not a token.</exception>
    public static ReverseAddress Of(string token, string domain)
    {
        ArgumentException.ThrowIfNullOrEmpty(domain);
        return IsToken(token) ? new ReverseAddress(token, domain) : throw new FormatException("not a reverse-address token");
    }

    /// <summary>The reverse address <paramref name="key"/> names (the table key a recipient resolves to), or false.</summary>
    public static bool TryParse(ItemKey key, [NotNullWhen(true)] out ReverseAddress? address)
    {
        address = IsReverseForm(key.LocalPart) ? new ReverseAddress(key.LocalPart[Prefix.Length..], key.SubDomain) : null;
        return address is not null;
    }

    /// <summary>
    /// Whether <paramref name="localPart"/> has the reserved form (<c>reply.</c> and 20 base32
    /// characters): reserved for reverse addresses, never an alias name.
    /// </summary>
    public static bool IsReverseForm(string? localPart) =>
        localPart is { Length: TokenLength + 6 }
        && localPart.StartsWith(Prefix, StringComparison.Ordinal)
        && IsToken(localPart[Prefix.Length..]);

    /// <summary>The key of the item holding the pair behind <paramref name="token"/>.</summary>
    public static ItemKey KeyOf(string token) => new(TableContract.ReversePartition, "r#" + token);

    public override string ToString() => Address;

    private static bool IsToken(string? text) =>
        text is { Length: TokenLength } && LowerBase32.IsEncoded(text);
}
