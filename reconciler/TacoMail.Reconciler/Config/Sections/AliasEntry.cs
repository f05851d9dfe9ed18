using TacoMail.Reconciler.Config.Yaml;
using TacoMail.Schema.Model;

namespace TacoMail.Reconciler.Config.Sections;

/// <summary>One entry of a domain file's <c>aliases</c> map.</summary>
/// <param name="Key">The local part as written.</param>
/// <param name="Destination">The alias's own destination, if any.</param>
/// <param name="State">The state (default active).</param>
/// <param name="IsComplete">False when the schema rejected the settings; destination rules then skip the alias.</param>
internal sealed record AliasEntry(SourceScalar Key, SourceScalar? Destination, AliasState State, bool IsComplete);
