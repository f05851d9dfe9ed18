using TacoMail.Reconciler.Config.Sections;
using TacoMail.Reconciler.Diagnostics;
using TacoMail.Schema.Model;

namespace TacoMail.Reconciler.Config.Rules;

/// <summary>
/// Checks an alias's <c>expires</c> and <c>then</c> and turns them into the
/// <see cref="AliasExpiry"/> the planner acts on. Whether the expiry has passed is the planner's
/// question, asked at plan time; this rule only makes sure the YAML says one unambiguous instant.
/// </summary>
internal static class ExpiryRule
{
    /// <summary>The expiry of <paramref name="alias"/>, or null when it declares none or a malformed one (reported).</summary>
    public static AliasExpiry? Check(string path, AliasEntry alias, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(alias);
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (alias.Expires is not { } written)
        {
            if (alias.Then is { } then)
            {
                diagnostics.Add(
                    path,
                    then.Key,
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

        return new AliasExpiry(at, alias.ThenState, new SourceLocation(path, written.Line, written.Column));
    }
}
