using TacoMail.Schema.Addresses;
using TacoMail.Schema.Records;
using TacoMail.Schema.Replies;

namespace TacoMail.Lambda.Delivery;

/// <summary>
/// One active alias to deliver to. Envelope recipients that reach the same alias (<c>shop@</c> and
/// <c>shop+news@</c>) are delivered once.
/// </summary>
/// <param name="Alias">The alias's key; its address is the From of forwards. For a reply, the reverse address.</param>
/// <param name="Destination">Where its mail goes: an e-mail address or <c>S3</c>. For a reply, the alias's destination, which the reply must come from.</param>
/// <param name="Recipients">The envelope recipients as received that reached it.</param>
internal sealed record DeliveryTarget(ItemKey Alias, DestinationAddress Destination, IReadOnlyList<string> Recipients)
{
    /// <summary>For mail to a reverse address: the pair it stands for (the reply goes from its alias to its correspondent); null for a forward.</summary>
    public ReverseAliasRecord? Reply { get; init; }
}
