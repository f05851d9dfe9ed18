using TacoMail.Reconciler.Config;
using TacoMail.Schema.Records;
using TacoMail.Schema.Routing;
using TacoMail.Schema.Settings;

namespace TacoMail.Reconciler.Routing;

/// <summary>
/// Everything <c>tacomail route</c> explains about one address: how it was normalised, which
/// routing settings applied, what the YAML declares for it and, when a table was consulted, what
/// the table holds — and whether the two disagree. Data only; the command formats it.
/// </summary>
/// <param name="Lookup">The normalised recipient, or null when the address is unusable.</param>
/// <param name="Key">The key the YAML resolves the address to (an exact match wins over stripping).</param>
/// <param name="Routing">The routing settings used: the table's when it was consulted, else the YAML's.</param>
/// <param name="SettingsSource">Where <paramref name="Routing"/> came from, for the reader.</param>
/// <param name="DomainDeclared">Whether the domain is one of the configuration's domains.</param>
/// <param name="Declared">The alias as the YAML declares it, if it does.</param>
/// <param name="RenamedTo">The new address when this address is the <c>from</c> of a move.</param>
/// <param name="Status">What the YAML makes of the address.</param>
/// <param name="TableConsulted">Whether a table was read at all.</param>
/// <param name="TableKey">The key the table resolves the address to, if a table was read.</param>
/// <param name="TableRecord">The table's item for the address, if a table was read and has one.</param>
/// <param name="TableStatus">What the table makes of the address, if a table was read.</param>
/// <param name="Message">The message described by --from, --spf, --dkim, --dmarc and --header, if any.</param>
/// <param name="Disagreements">Human-readable differences between the YAML and the table.</param>
internal sealed record RouteReport(
    RecipientLookup? Lookup,
    ItemKey? Key,
    RoutingSettings Routing,
    string SettingsSource,
    bool DomainDeclared,
    DesiredAlias? Declared,
    AliasMove? RenamedTo,
    RecipientStatus Status,
    bool TableConsulted,
    ItemKey? TableKey,
    AliasRecord? TableRecord,
    RecipientStatus? TableStatus,
    MessageFacts? Message,
    IReadOnlyList<string> Disagreements);
