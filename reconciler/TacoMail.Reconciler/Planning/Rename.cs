using TacoMail.Schema.Records;

namespace TacoMail.Reconciler.Planning;

/// <summary>A <c>moved</c> entry in table terms: the item at <see cref="From"/> becomes <see cref="To"/>.</summary>
internal sealed record Rename(ItemKey From, ItemKey To);
