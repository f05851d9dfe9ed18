using TacoMail.Reconciler.Config;
using TacoMail.Reconciler.Planning;
using TacoMail.Schema.Model;
using TacoMail.Schema.Records;
using TacoMail.Schema.Routing;

namespace TacoMail.Reconciler.Routing;

/// <summary>
/// Works out what happens to mail for an address from the YAML (and optionally the table's item),
/// with the same normalisation and disposition rules the Lambda uses.
/// </summary>
internal static class RouteExplainer
{
    public static RecipientLookup? Normalize(string address) =>
        RecipientNormalizer.TryNormalize(address, SubAddressSeparators.Default, out var lookup) ? lookup : null;

    public static RouteReport Explain(TacoMailConfig config, RecipientLookup? lookup, bool tableConsulted, AliasRecord? tableRecord)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (lookup is null)
        {
            return new RouteReport(null, false, null, null, Disposition.Bounce, tableConsulted, null, null, []);
        }

        var key = lookup.Key;
        var declared = config.Aliases.FirstOrDefault(a => DesiredStateBuilder.KeyOf(a.Address) == key);
        var renamed = config.Moves.FirstOrDefault(m => DesiredStateBuilder.KeyOf(m.From) == key);
        var domainDeclared = config.Domains.Any(d => string.Equals(d.Value, key.SubDomain, StringComparison.Ordinal));
        var disposition = DispositionRules.ForState(declared?.State);
        Disposition? tableDisposition = tableConsulted ? DispositionRules.ForState(tableRecord?.State) : null;

        var disagreements = new List<string>();
        if (tableConsulted)
        {
            if (declared is not null && tableRecord is null)
            {
                disagreements.Add("the YAML declares this alias but the table has no item for it (not applied yet)");
            }
            else if (declared is null && tableRecord is not null)
            {
                disagreements.Add("the table has an item the YAML does not declare (the next apply deletes it)");
            }
            else if (declared is not null && tableRecord is not null)
            {
                if (declared.State != tableRecord.State)
                {
                    disagreements.Add($"state: table {tableRecord.State.ToName()}, YAML {declared.State.ToName()}");
                }

                if (!string.Equals(declared.Destination, tableRecord.Destination, StringComparison.Ordinal))
                {
                    disagreements.Add($"destination: table {tableRecord.Destination}, YAML {declared.Destination}");
                }
            }
        }

        return new RouteReport(lookup, domainDeclared, declared, renamed, disposition, tableConsulted, tableRecord, tableDisposition, disagreements);
    }
}
