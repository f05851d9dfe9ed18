using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace TacoMail.Reconciler.Config.Rules;

/// <summary>
/// Reads an alias's <c>expires</c>: a date (<c>2027-03-31</c>, that day's start in UTC) or an
/// RFC 3339 date-time with its offset (<c>2027-03-31T18:00:00+02:00</c>, <c>…Z</c>; seconds and
/// a fraction are optional). A date-time without an offset is refused: it would mean another
/// instant on every machine that plans, and the nightly run's clock is not the author's. The
/// shape is checked by a pattern first and the values by exact invariant-culture parsing, so
/// that no culture, no local time zone and no lenient guess (<c>03/31/2027</c>) is involved,
/// and an impossible day (<c>2027-02-30</c>) is told apart from a wrong form.
/// </summary>
internal static partial class ExpiryParser
{
    /// <summary>The length of <c>yyyy-MM-dd</c>: a value this long that parsed is a bare date.</summary>
    public const int DateLength = 10;

    private static readonly string[] DateTimeFormats =
    [
        "yyyy-MM-dd'T'HH:mmzzz",
        "yyyy-MM-dd'T'HH:mm:sszzz",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
    ];

    /// <summary>Reads <paramref name="text"/>; on failure <paramref name="problem"/> says why and how to write it.</summary>
    public static bool TryParse(string text, out DateTimeOffset at, [NotNullWhen(false)] out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        at = default;
        var match = Shape().Match(text);
        if (!match.Success)
        {
            problem = $"expires '{text}' is neither a date nor a date-time with an offset; {Forms}";
            return false;
        }

        var date = match.Groups["date"].Value;
        if (!DateTime.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            var subject = date.Length == text.Length ? $"expires '{text}'" : $"expires '{text}': {date}";
            problem = $"{subject} is not a day of the calendar (there is no such month or day); correct the date";
            return false;
        }

        if (!match.Groups["time"].Success)
        {
            at = new DateTimeOffset(day, TimeSpan.Zero);
            problem = null;
            return true;
        }

        if (!match.Groups["offset"].Success)
        {
            problem = $"expires '{text}' has no offset, so the instant it means would depend on the time zone of the machine " +
                $"that plans; add one: '{text}Z' for UTC, or the local offset such as '{text}+02:00'";
            return false;
        }

        var offset = match.Groups["offset"].Value is "Z" or "z" ? "+00:00" : match.Groups["offset"].Value;
        var normalised = $"{date}T{match.Groups["time"].Value}{offset}";
        if (!DateTimeOffset.TryParseExact(normalised, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out at))
        {
            problem = $"expires '{text}': the time or the offset is out of range (hours 00–23, minutes and seconds 00–59, " +
                "offsets up to ±14:00); correct it";
            return false;
        }

        problem = null;
        return true;
    }

    /// <summary>The accepted forms, with examples: the end of every message about a malformed <c>expires</c>.</summary>
    public static string Forms =>
        "write a date such as 2027-03-31 (expired from that day's start, 00:00 UTC), or a date-time with its offset " +
        "such as 2027-03-31T18:00:00+02:00 or 2027-03-31T16:00:00Z";

    [GeneratedRegex(
        "^(?<date>[0-9]{4}-[0-9]{2}-[0-9]{2})(?:[Tt](?<time>[0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\\.[0-9]{1,7})?)?)(?<offset>[Zz]|[+-][0-9]{2}:[0-9]{2})?)?\\z",
        RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
