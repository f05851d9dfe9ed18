using TacoMail.Reconciler.Config;
using TacoMail.Schema.Records;
using TacoMail.Schema.Routing;

namespace TacoMail.Reconciler.Routing;

/// <summary>
/// Everything <c>tacomail route</c> explains about one address: how it was normalised, what the
/// YAML declares for it and, when a table was consulted, what the table holds — and whether the
/// two disagree. Data only; the command formats it.
/// </summary>
/// <param name="Lookup">The normalised recipient, or null when the address is unusable.</param>
/// <param name="DomainDeclared">Whether the domain is one of the configuration's domains.</param>
/// <param name="Declared">The alias as the YAML declares it, if it does.</param>
/// <param name="RenamedTo">The new address when this address is the <c>from</c> of a move.</param>
/// <param name="Disposition">What the YAML makes happen to mail for the address.</param>
/// <param name="TableConsulted">Whether a table was read at all.</param>
/// <param name="TableRecord">The table's item for the address, if a table was read and has one.</param>
/// <param name="TableDisposition">What the table makes happen today, if a table was read.</param>
/// <param name="Disagreements">Human-readable differences between the YAML and the table.</param>
internal sealed record RouteReport(
    RecipientLookup? Lookup,
    bool DomainDeclared,
    DesiredAlias? Declared,
    AliasMove? RenamedTo,
    Disposition Disposition,
    bool TableConsulted,
    AliasRecord? TableRecord,
    Disposition? TableDisposition,
    IReadOnlyList<string> Disagreements);
