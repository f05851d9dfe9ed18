using System.Globalization;
using System.Text.RegularExpressions;

namespace TacoMail.Reconciler.Durations;

/// <summary>
/// Reads durations the way people write them: <c>90s</c>, <c>5m</c>, <c>1h</c>, <c>5d</c>, <c>0</c> on
/// command lines (<c>--lock-timeout</c>), and the narrower tacomail.yaml form (<see cref="YamlPattern"/>:
/// whole minutes, hours or days, as in <c>queue_lifetime: 5d</c>). One parser for both, so the CLI
/// and the YAML never disagree on what <c>36h</c> means.
/// </summary>
internal static partial class DurationParser
{
    /// <summary>
    /// The form durations take in tacomail.yaml; also the <c>pattern</c> of those keys in
    /// schema/tacomail.schema.json (a test keeps the two equal).
    /// </summary>
    public const string YamlPattern = "^[0-9]+[dhm]$";

    /// <summary>Reads <paramref name="text"/>; false when it is not a duration or too long for a <see cref="TimeSpan"/>.</summary>
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var match = text is null ? Match.Empty : Pattern().Match(text.Trim());
        if (!match.Success)
        {
            return false;
        }

        var value = double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
        var milliseconds = value * match.Groups["unit"].Value switch
        {
            "ms" => 1d,
            "" or "s" => 1_000d,
            "m" => 60_000d,
            "h" => 3_600_000d,
            "d" => 86_400_000d,
            _ => throw new InvalidOperationException("The pattern admits no other unit."),
        };
        if (milliseconds >= TimeSpan.MaxValue.TotalMilliseconds)
        {
            return false;
        }

        duration = TimeSpan.FromMilliseconds(milliseconds);
        return true;
    }

    /// <summary>True when <paramref name="text"/> is written in the tacomail.yaml form (<see cref="YamlPattern"/>).</summary>
    public static bool IsYamlForm(string? text) => text is not null && YamlForm().IsMatch(text);

    [GeneratedRegex(@"^(?<value>[0-9]+(?:\.[0-9]+)?)(?<unit>ms|s|m|h|d|)$")]
    private static partial Regex Pattern();

    [GeneratedRegex(YamlPattern)]
    private static partial Regex YamlForm();
}
