using System.Globalization;
using System.Text.RegularExpressions;

namespace TacoMail.Reconciler.Cli;

/// <summary>Reads durations the way people write them on command lines: <c>90s</c>, <c>5m</c>, <c>1h</c>, <c>0</c>.</summary>
internal static partial class DurationParser
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var match = text is null ? Match.Empty : Pattern().Match(text.Trim());
        if (!match.Success)
        {
            return false;
        }

        var value = double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
        duration = match.Groups["unit"].Value switch
        {
            "ms" => TimeSpan.FromMilliseconds(value),
            "" or "s" => TimeSpan.FromSeconds(value),
            "m" => TimeSpan.FromMinutes(value),
            "h" => TimeSpan.FromHours(value),
            _ => throw new InvalidOperationException("The pattern admits no other unit."),
        };
        return true;
    }

    [GeneratedRegex(@"^(?<value>[0-9]+(?:\.[0-9]+)?)(?<unit>ms|s|m|h|)$")]
    private static partial Regex Pattern();
}
