using TacoMail.Reconciler.Config;
using TacoMail.Reconciler.Planning;
using TacoMail.Schema.Model;
using TacoMail.Schema.Records;
using TacoMail.Schema.Replies;
using TacoMail.Schema.Routing;
using TacoMail.Schema.Settings;

namespace TacoMail.Reconciler.Routing;

/// <summary>
/// Works out what happens to mail for an address from the YAML (and optionally the table), with
/// the same normalisation, exact-match-first lookup and routing rules the Lambda uses. When the
/// table is consulted its settings item decides, as it does for the Lambda.
/// </summary>
internal static class RouteExplainer
{
    /// <summary>The routing settings the Lambda would use with <paramref name="table"/>, and where they came from.</summary>
    public static (RoutingSettings Routing, string Source) SettingsFor(TacoMailConfig config, RouteTable? table)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (table is null)
        {
            return (config.Routing, "tacomail.yaml (the table was not consulted)");
        }

        return table.Settings is { } stored
            ? (stored.Routing, "the table's settings item")
            : (RoutingSettings.Fallback, $"none: {table.SettingsProblem}; the Lambda uses the default separators and never bounces until apply writes it");
    }

    public static RecipientLookup? Normalize(string address, SubAddressSeparators separators) =>
        RecipientNormalizer.TryNormalize(address, separators, out var lookup) ? lookup : null;

    /// <summary>
    /// The reverse address <paramref name="lookup"/> names, as written or with its sub-address
    /// stripped, the way the mail path checks for one before any alias; null for any other address.
    /// </summary>
    public static ReverseAddress? ReverseOf(RecipientLookup? lookup) =>
        lookup is null ? null
        : ReverseAddress.TryParse(lookup.WholeKey, out var whole) ? whole
        : ReverseAddress.TryParse(lookup.Key, out var stripped) ? stripped
        : null;

    public static RouteReport Explain(
        TacoMailConfig config, RoutingSettings routing, string settingsSource, RecipientLookup? lookup, RouteTable? table, MessageFacts? message)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(routing);
        var consulted = table is not null;
        if (lookup is null)
        {
            return new RouteReport(
                null, null, routing, settingsSource, false, null, null, RecipientStatus.InvalidAddress, consulted, null, null,
                consulted ? RecipientStatus.InvalidAddress : null, message, []);
        }

        var declaredByKey = config.Aliases.ToDictionary(a => DesiredStateBuilder.KeyOf(a.Address));
        var key = lookup.Resolve(declaredByKey.ContainsKey);
        var declared = declaredByKey.GetValueOrDefault(key);
        var renamed = config.Moves.FirstOrDefault(m => DesiredStateBuilder.KeyOf(m.From) == key);
        var domainDeclared = config.Domains.Any(d => string.Equals(d.Value, key.SubDomain, StringComparison.Ordinal));
        var feedback = routing.IsFeedback(lookup);
        var status = feedback ? RecipientStatus.Feedback : MessagePolicy.StatusOf(declared?.State);

        ItemKey? tableKey = null;
        AliasRecord? record = null;
        RecipientStatus? tableStatus = null;
        var disagreements = new List<string>();
        if (table is not null)
        {
            var resolved = lookup.Resolve(table.Items.ContainsKey);
            tableKey = resolved;
            record = table.Items.GetValueOrDefault(resolved);
            tableStatus = feedback ? RecipientStatus.Feedback : MessagePolicy.StatusOf(record?.State);
            Compare(declared, record, disagreements);
            if (table.Settings is { } stored && stored != config.Settings)
            {
                var names = SettingsAttributes.Diff(stored, config.Settings).Select(a => a.Name);
                disagreements.Add($"settings: {string.Join(", ", names)} differ between the table's settings item and tacomail.yaml");
            }
            else if (table.Settings is null)
            {
                disagreements.Add("the table has no readable settings item (not applied yet)");
            }
        }

        return new RouteReport(
            lookup, key, routing, settingsSource, domainDeclared, declared, renamed, status, consulted, tableKey, record, tableStatus,
            message, disagreements);
    }

    private static void Compare(DesiredAlias? declared, AliasRecord? record, List<string> disagreements)
    {
        if (declared is not null && record is null)
        {
            disagreements.Add("the YAML declares this alias but the table has no item for it (not applied yet)");
        }
        else if (declared is null && record is not null)
        {
            disagreements.Add("the table has an item the YAML does not declare (the next apply deletes it)");
        }
        else if (declared is not null && record is not null)
        {
            if (declared.State != record.State)
            {
                disagreements.Add($"state: table {record.State.ToName()}, YAML {declared.State.ToName()}");
            }

            if (!string.Equals(declared.Destination, record.Destination, StringComparison.Ordinal))
            {
                disagreements.Add($"destination: table {record.Destination}, YAML {declared.Destination}");
            }
        }
    }
}
