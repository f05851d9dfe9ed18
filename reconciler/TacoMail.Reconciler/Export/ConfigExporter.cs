using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using TacoMail.Reconciler.Config.Rules;
using TacoMail.Reconciler.Durations;
using TacoMail.Reconciler.Planning;
using TacoMail.Schema.Addresses;
using TacoMail.Schema.Model;
using TacoMail.Schema.Records;
using TacoMail.Schema.Replies;
using TacoMail.Schema.Routing;
using TacoMail.Schema.Settings;

namespace TacoMail.Reconciler.Export;

/// <summary>
/// Writes a table's aliases as YAML (<c>tacomail export</c>): the way to bootstrap the repository
/// from an existing table. The output validates and plans to zero changes against the table it
/// came from; each domain's most used destination becomes its <c>default_destination</c>.
/// </summary>
internal static class ConfigExporter
{
    private const string Modeline = "# yaml-language-server: $schema=../schema/tacomail.schema.json";

    public static ExportResult Export(ActualState state, string tableName, string? region)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentException.ThrowIfNullOrEmpty(tableName);
        var skipped = ImmutableArray.CreateBuilder<string>();
        var byDomain = new SortedDictionary<string, List<AliasRecord>>(StringComparer.Ordinal);
        foreach (var record in state.Aliases.Values)
        {
            if (!DomainName.TryParse(record.SubDomain, out _, out var domainError))
            {
                skipped.Add($"{record.FullAddress}: {domainError.Message}");
            }
            else if (!LocalPart.TryParse(record.LocalPart, out _, out var localError))
            {
                skipped.Add($"{record.FullAddress}: {localError.Message}");
            }
            else if (ReverseAddress.IsReverseForm(record.LocalPart))
            {
                skipped.Add($"{record.FullAddress}: {AliasRules.ReverseFormMessage($"alias '{record.LocalPart}'")}");
            }
            else
            {
                (byDomain.TryGetValue(record.SubDomain, out var list) ? list : byDomain[record.SubDomain] = []).Add(record);
            }
        }

        var domains = Union(state, ConfigSetKind.SubDomains, byDomain.Keys);
        var destinations = Union(state, ConfigSetKind.Destinations, byDomain.Values.SelectMany(l => l).Select(r => r.Destination));
        var files = ImmutableArray.CreateBuilder<ExportedFile>();
        files.Add(new ExportedFile("tacomail.yaml", MainFile(tableName, region, domains, destinations) + SettingsText(state.Settings?.Settings)));
        foreach (var (domain, aliases) in byDomain)
        {
            files.Add(new ExportedFile($"{domain}.yaml", DomainFile(domain, aliases)));
        }

        return new ExportResult(files.ToImmutable(), skipped.ToImmutable(), byDomain.Values.Sum(l => l.Count));
    }

    private static ImmutableSortedSet<string> Union(ActualState state, ConfigSetKind kind, IEnumerable<string> used) =>
        (state.ConfigSets.TryGetValue(kind, out var set) ? set.Values : []).Union(used).WithComparer(StringComparer.Ordinal);

    private static string MainFile(string tableName, string? region, IEnumerable<string> domains, IEnumerable<string> destinations)
    {
        var text = new StringBuilder().AppendLine(Modeline)
            .AppendLine("table:")
            .AppendLine($"  name: {YamlText.Scalar(tableName)}");
        if (region is not null)
        {
            text.AppendLine($"  region: {YamlText.Scalar(region)}");
        }

        text.AppendLine("domains:");
        foreach (var domain in domains)
        {
            text.AppendLine($"  - {YamlText.Scalar(domain)}");
        }

        text.AppendLine("destinations:");
        foreach (var destination in destinations)
        {
            text.AppendLine($"  - {YamlText.Scalar(destination)}");
        }

        return text.ToString();
    }

    /// <summary>
    /// The settings item as tacomail.yaml keys, only where it differs from the defaults, so that
    /// the exported configuration plans no settings change.
    /// </summary>
    private static string SettingsText(DeclaredSettings? settings)
    {
        if (settings is null)
        {
            return string.Empty;
        }

        var routing = settings.Routing;
        var text = new StringBuilder();
        if (routing.BounceSender is { } sender)
        {
            text.AppendLine($"bounce_sender: {YamlText.Scalar(sender)}");
        }

        if (routing.FeedbackAddress is { } feedback && !string.Equals(feedback, routing.BounceSender, StringComparison.Ordinal))
        {
            text.AppendLine($"feedback_address: {YamlText.Scalar(feedback)}");
        }

        if (routing.Separators != SubAddressSeparators.Default)
        {
            text.AppendLine($"subaddress_separators: [{string.Join(", ", routing.Separators.Values.Select(v => $"\"{v.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\""))}]");
        }

        if (routing.Policy.Bounce != MessagePolicy.Default.Bounce)
        {
            text.AppendLine($"bounce_policy: {routing.Policy.Bounce.ToName()}");
        }

        if (routing.Policy.Spam != MessagePolicy.Default.Spam)
        {
            text.AppendLine($"spam_policy: {routing.Policy.Spam.ToName()}");
        }

        if (routing.QueueLifetime != RoutingSettings.DefaultQueueLifetime)
        {
            text.AppendLine($"queue_lifetime: {DurationText.ToYaml(routing.QueueLifetime)}");
        }

        if (settings.Safety != SafetyThresholds.Default)
        {
            text.AppendLine("safety:")
                .AppendLine(CultureInfo.InvariantCulture, $"  min_aliases: {settings.Safety.MinAliases}")
                .AppendLine(CultureInfo.InvariantCulture, $"  max_delete_percent: {settings.Safety.MaxDeletePercent}")
                .AppendLine(CultureInfo.InvariantCulture, $"  max_disable_percent: {settings.Safety.MaxDisablePercent}");
        }

        return text.ToString();
    }

    private static string DomainFile(string domain, List<AliasRecord> aliases)
    {
        var defaultDestination = aliases
            .GroupBy(a => a.Destination, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .First().Key;
        var text = new StringBuilder().AppendLine(Modeline)
            .AppendLine($"domain: {YamlText.Scalar(domain)}")
            .AppendLine($"default_destination: {YamlText.Scalar(defaultDestination)}")
            .AppendLine("aliases:");
        foreach (var alias in aliases.OrderBy(a => a.LocalPart, StringComparer.Ordinal))
        {
            var settings = new List<string>();
            if (!string.Equals(alias.Destination, defaultDestination, StringComparison.Ordinal))
            {
                settings.Add($"destination: {YamlText.Scalar(alias.Destination)}");
            }

            if (alias.State != AliasState.Active)
            {
                settings.Add($"state: {alias.State.ToName()}");
            }

            text.AppendLine($"  {YamlText.Scalar(alias.LocalPart)}: {{{(settings.Count == 0 ? string.Empty : $" {string.Join(", ", settings)} ")}}}");
        }

        return text.ToString();
    }
}
