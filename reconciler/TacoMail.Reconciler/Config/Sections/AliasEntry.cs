using TacoMail.Reconciler.Config.Yaml;
using TacoMail.Schema.Model;

namespace TacoMail.Reconciler.Config.Sections;

/// <summary>One entry of a domain file's <c>aliases</c> map.</summary>
/// <param name="Key">The local part as written.</param>
/// <param name="Destination">The alias's own destination, if any.</param>
/// <param name="State">The state (default active).</param>
/// <param name="IsComplete">False when the schema rejected the settings; destination and expiry rules then skip the alias.</param>
/// <param name="Expires">The <c>expires</c> value as written (not yet parsed: its rule reports a malformed one), if any.</param>
/// <param name="Then">The <c>then</c> entry, if any: its key is where a <c>then</c> without <c>expires</c> is reported.</param>
/// <param name="ThenState">The state once expired (default disabled).</param>
internal sealed record AliasEntry(
    SourceScalar Key,
    SourceScalar? Destination,
    AliasState State,
    bool IsComplete,
    SourceScalar? Expires = null,
    SourceEntry? Then = null,
    AliasState ThenState = AliasState.Disabled);
