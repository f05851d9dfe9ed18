using System.Security.Cryptography;
using System.Text;
using TacoMail.Schema.Records;

namespace TacoMail.Lambda.Delivery.Storage;

/// <summary>
/// The short token that marks one alias as done in the object's tags: the first 12 hex digits of
/// the SHA-256 of its address. Tags are visible to anyone who may read the bucket's metadata, so
/// they carry no addresses; 48 bits keep the ≤ 50 recipients of one message apart.
/// </summary>
internal static class RecipientMark
{
    public const int Length = 12;

    public static string Of(ItemKey alias)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(alias.FullAddress), hash);
        return Convert.ToHexStringLower(hash)[..Length];
    }
}
