using TacoMail.Schema.Addresses;
using TacoMail.Schema.Records;

namespace TacoMail.Lambda.Delivery;

/// <summary>
/// One active alias to deliver to. Envelope recipients that reach the same alias (<c>shop@</c> and
/// <c>shop+news@</c>) are delivered once.
/// </summary>
/// <param name="Alias">The alias's key; its address is the From of forwards.</param>
/// <param name="Destination">Where its mail goes: an e-mail address or <c>S3</c>.</param>
/// <param name="Recipients">The envelope recipients as received that reached it.</param>
internal sealed record DeliveryTarget(ItemKey Alias, DestinationAddress Destination, IReadOnlyList<string> Recipients);
