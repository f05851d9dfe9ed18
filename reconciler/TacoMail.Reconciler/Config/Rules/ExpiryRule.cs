using System.Globalization;
using TacoMail.Reconciler.Config.Sections;
using TacoMail.Reconciler.Diagnostics;
using TacoMail.Reconciler.Durations;
using TacoMail.Schema.Model;

namespace TacoMail.Reconciler.Config.Rules;

/// <summary>
/// Checks an alias's <c>expires</c> and <c>then</c> and turns them into the
/// <see cref="AliasExpiry"/> the planner acts on. A malformed value is an error: the YAML must say
/// one unambiguous instant. An expiry that has passed, or that cannot change anything, is only a
/// warning: the configuration means exactly what it says, but the author probably did not mean it
/// (or should tidy it up), and <c>validate</c> in the pull request is where they will see it.
/// </summary>
internal static class ExpiryRule
{
    /// <summary>The expiry of <paramref name="alias"/>, or null when it declares none or a malformed one (reported).</summary>
    /// <param name="path">The domain file.</param>
    /// <param name="alias">The alias as read.</param>
    /// <param name="name">How messages name the alias: <c>alias shop@example.com</c>.</param>
    /// <param name="now">The time of the load.</param>
    /// <param name="diagnostics">Where errors and warnings go.</param>
    public static AliasExpiry? Check(string path, AliasEntry alias, string name, DateTimeOffset now, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(alias);
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (alias.Expires is not { } written)
        {
            if (alias.Then is { } thenEntry)
            {
                diagnostics.Add(
                    path,
                    thenEntry.Key,
                    DiagnosticCodes.ThenWithoutExpiry,
                    $"alias '{alias.Key.Value}' has 'then' but no 'expires', so it never becomes {alias.ThenState.ToName()}; " +
                    "add 'expires: 2027-03-31' (the day it stops), or remove 'then'");
            }

            return null;
        }

        if (!ExpiryParser.TryParse(written.Value, out var at, out var problem))
        {
            diagnostics.Add(path, written, DiagnosticCodes.ExpiryInvalid, problem);
            return null;
        }

        var expiry = new AliasExpiry(at, alias.ThenState, new SourceLocation(path, written.Line, written.Column));
        var expired = AliasStateOrder.Stricter(alias.State, expiry.Then);
        var then = expiry.Then.ToName();
        if (expired == alias.State)
        {
            // Before the expiry and after it the alias is the same, whatever the date: the one thing to say.
            var thenSource = alias.Then is null ? $"then defaults to {then}" : $"then: {then}";
            diagnostics.Warn(
                path,
                written,
                DiagnosticCodes.ExpiryWithoutEffect,
                $"{name} is {alias.State.ToName()} and stays {expired.ToName()} when it expires ({thenSource}), so expires changes nothing; " +
                "remove expires, or write the state the alias has until it expires (e.g. state: active)");
        }
        else if (expiry.IsDueAt(now))
        {
            var when = written.Value.Length == ExpiryParser.DateLength ? $"on {written.Value}" : $"at {written.Value}";
            diagnostics.Warn(
                path,
                written,
                DiagnosticCodes.AliasExpired,
                $"{name} expired {when} ({Ago(now - at)}), so plans make it {expired.ToName()}; if that is meant, write state: {expired.ToName()} " +
                "instead of expires (or remove the alias), else move expires to a later date");
        }

        return expiry;
    }

    /// <summary>Whole days once it is a day or more; below that the short age (<c>2 h 10 min</c>), as a date-time may have passed an hour ago.</summary>
    private static string Ago(TimeSpan age)
    {
        var days = (long)Math.Floor(age.TotalDays);
        return days switch
        {
            0 => $"{DurationText.Age(age)} ago",
            1 => "1 day ago",
            _ => $"{days.ToString(CultureInfo.InvariantCulture)} days ago",
        };
    }
}
