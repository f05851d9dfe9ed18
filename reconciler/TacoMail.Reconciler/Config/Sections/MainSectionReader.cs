using System.Globalization;
using TacoMail.Reconciler.Config.Yaml;
using TacoMail.Schema.Settings;

namespace TacoMail.Reconciler.Config.Sections;

/// <summary>Reads tacomail.yaml's keys, leniently: anything of the wrong shape is left out (the schema reports it).</summary>
internal static class MainSectionReader
{
    public static MainSection Read(string path, SourceMapping root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var table = root.Find("table")?.Value as SourceMapping;
        return new MainSection(
            path,
            table?.FindString("name"),
            table?.FindString("region"),
            (root.Find("domains")?.Value as SourceSequence)?.AsStrings(),
            (root.Find("destinations")?.Value as SourceSequence)?.AsStrings(),
            root.FindString("bounce_sender"),
            root.FindString("feedback_address"),
            (root.Find("subaddress_separators")?.Value as SourceSequence)?.AsStrings(),
            root.FindString("bounce_policy"),
            root.FindString("spam_policy"),
            root.FindString("queue_lifetime"),
            ReadSafety(root.Find("safety")?.Value as SourceMapping));
    }

    private static SafetyThresholds ReadSafety(SourceMapping? safety)
    {
        var defaults = SafetyThresholds.Default;
        if (safety is null)
        {
            return defaults;
        }

        var minAliases = Number(safety, "min_aliases", integerOnly: true, max: int.MaxValue);
        return new SafetyThresholds(
            minAliases is { } min ? (int)min : defaults.MinAliases,
            (decimal?)Number(safety, "max_delete_percent", integerOnly: false, max: 100) ?? defaults.MaxDeletePercent,
            (decimal?)Number(safety, "max_disable_percent", integerOnly: false, max: 100) ?? defaults.MaxDisablePercent);
    }

    private static double? Number(SourceMapping mapping, string key, bool integerOnly, double max)
    {
        if (mapping.Find(key)?.Value is not SourceScalar { Kind: ScalarKind.Integer or ScalarKind.Float } scalar ||
            (integerOnly && scalar.Kind != ScalarKind.Integer) ||
            !double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        return value is >= 0 && value <= max ? value : null;
    }
}
