using TacoMail.Schema.Addresses;
using TacoMail.Schema.Model;

namespace TacoMail.Reconciler.Config;

/// <summary>One alias as the YAML wants it, with every default resolved.</summary>
/// <param name="Address">The table key.</param>
/// <param name="Destination">The resolved destination: a normalised e-mail address or <c>S3</c>.</param>
/// <param name="State">The resolved state (default <see cref="AliasState.Active"/>).</param>
/// <param name="Source">Where the alias's key is declared.</param>
/// <param name="Expiry">When the alias expires and what it becomes then, if it declares <c>expires</c>.</param>
internal sealed record DesiredAlias(AliasAddress Address, string Destination, AliasState State, SourceLocation Source, AliasExpiry? Expiry = null);
