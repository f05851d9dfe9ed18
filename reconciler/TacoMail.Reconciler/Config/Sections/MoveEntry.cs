using TacoMail.Reconciler.Config.Yaml;

namespace TacoMail.Reconciler.Config.Sections;

/// <summary>One well-formed entry of a domain file's <c>moved</c> list.</summary>
/// <param name="Node">The entry (for its position).</param>
/// <param name="From">The old address as written.</param>
/// <param name="To">The new address as written.</param>
internal sealed record MoveEntry(SourceNode Node, SourceScalar From, SourceScalar To);
