namespace TacoMail.Schema.Records;

/// <summary>
/// An item in the reserved partition <c>tacomail-config</c> with a sort key this version does
/// not know (perhaps written by a newer one): reported, never decoded as an alias or deleted.
/// </summary>
public sealed record ScannedUnknownConfigItem(ItemKey Key) : ScannedItem;
