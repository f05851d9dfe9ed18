using System.Security.Cryptography;
using System.Text;
using TacoMail.Schema.Replies;

namespace TacoMail.MailPath.Replies;

/// <summary>
/// Gives the owner's message ids a stand-in at the alias's domain, so S can thread replies without
/// learning D's domain (a Gmail id names the owner's provider; a self-hosted one names D's
/// domain). The stand-in is <c>token@alias-domain</c>, the token being the lower-case base32 of
/// the first 16 bytes of the SHA-256 of the id: the same original always maps to the same new
/// id, so a later reply referencing the owner's earlier message threads with what S received.
/// An id is the owner's when its right-hand side is D's domain or a subdomain of it; every other
/// id stays as it is. Ids at the owner's provider (<c>mail.gmail.com</c>) are not mapped: they
/// name the provider, never the address, and S may well use the same provider, whose own ids
/// must survive for S's threading. The reply's own new id is always a stand-in.
/// </summary>
internal sealed class MessageIdMap
{
    public const int TokenBytes = 16;

    private readonly string _aliasDomain;
    private readonly string _destinationDomain;

    /// <param name="aliasDomain">The domain of the stand-in ids.</param>
    /// <param name="destinationDomain">D's domain.</param>
    public MessageIdMap(string aliasDomain, string destinationDomain)
    {
        ArgumentException.ThrowIfNullOrEmpty(aliasDomain);
        ArgumentException.ThrowIfNullOrEmpty(destinationDomain);
        _aliasDomain = aliasDomain;
        _destinationDomain = destinationDomain;
    }

    public bool IsOwn(string messageId) =>
        RightHandSide(messageId) is { Length: > 0 } domain
        && (string.Equals(domain, _destinationDomain, StringComparison.OrdinalIgnoreCase)
            || domain.EndsWith("." + _destinationDomain, StringComparison.OrdinalIgnoreCase));

    /// <summary>The stand-in for an id, whoever's it is.</summary>
    public string Map(string messageId)
    {
        ArgumentNullException.ThrowIfNull(messageId);
        return Stand(Encoding.UTF8.GetBytes(messageId));
    }

    /// <summary>The stand-in for an id derived from other bytes (a message without a Message-ID).</summary>
    public string Stand(ReadOnlySpan<byte> source) => $"{Token(source)}@{_aliasDomain}";

    /// <summary>The stand-in for the owner's ids; S's own ids unchanged.</summary>
    public string Translate(string messageId) => IsOwn(messageId) ? Map(messageId) : messageId;

    /// <summary>Lower-case base32 (<see cref="LowerBase32"/>) of the first <see cref="TokenBytes"/> bytes of the SHA-256 of <paramref name="source"/>.</summary>
    public static string Token(ReadOnlySpan<byte> source)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(source, hash);
        return LowerBase32.Encode(hash[..TokenBytes]);
    }

    private static string? RightHandSide(string? messageId)
    {
        if (messageId is null)
        {
            return null;
        }

        var at = messageId.LastIndexOf('@');
        return at < 0 ? null : messageId[(at + 1)..];
    }
}
