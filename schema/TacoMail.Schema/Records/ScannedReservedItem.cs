namespace TacoMail.Schema.Records;

/// <summary>
/// An item of a partition the mail path owns (<c>tacomail-delivery</c>, <c>tacomail-reverse</c>):
/// no alias, never planned, changed, deleted or exported by the reconciler.
/// </summary>
public sealed record ScannedReservedItem(ItemKey Key) : ScannedItem;
