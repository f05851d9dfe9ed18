using TacoMail.Schema.Addresses;

namespace TacoMail.Reconciler.Config;

/// <summary>
/// A rename from the YAML's <c>moved</c> list: the item at <see cref="From"/> becomes the alias
/// at <see cref="To"/>, keeping its identifier, created time and use count.
/// </summary>
/// <param name="From">The old address; no longer declared.</param>
/// <param name="To">The new address; declared as an alias.</param>
/// <param name="Source">Where the <c>moved</c> entry is.</param>
internal sealed record AliasMove(AliasAddress From, AliasAddress To, SourceLocation Source);
