using TacoMail.Schema.Model;
using TacoMail.Schema.Records;

namespace TacoMail.Reconciler.Planning;

/// <summary>
/// A change of an alias's destination or state in place. The update also rewrites any legacy shape
/// of the item, so its attributes list those shape fixes after the value changes. An item whose
/// values already match is not an update: see <see cref="AliasShapeFix"/>.
/// </summary>
internal sealed record AliasUpdate : AliasChange
{
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The addresses differ (that is a rename), or no value changes.</exception>
    public AliasUpdate(AliasRecord before, AliasSpec after)
        : base(Checked(before, after), [.. AliasAttributes.ValueChanges(before, after), .. AliasAttributes.ShapeFixes(before)])
    {
        Before = before;
        After = after;
    }

    /// <summary>The item as read; the write is conditioned on it still holding these values.</summary>
    public AliasRecord Before { get; }

    /// <summary>The alias as the YAML declares it.</summary>
    public AliasSpec After { get; }

    public override ChangeAction Action => ChangeAction.Update;

    /// <summary>The item when the update redirects it or pauses or disables it; null when it only (re)activates it.</summary>
    public override AliasRecord? Affected =>
        Before.Destination != After.Destination || (After.State != Before.State && After.State != AliasState.Active) ? Before : null;

    private static ItemKey Checked(AliasRecord before, AliasSpec after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        if (before.Key != after.Key)
        {
            throw new ArgumentException($"An update keeps its address; {before.Key} to {after.Key} is a rename.", nameof(after));
        }

        if (AliasSpec.Of(before) == after)
        {
            throw new ArgumentException($"The update of {after.Key} changes no value; a rewrite of the shape alone is a shape fix.", nameof(after));
        }

        return after.Key;
    }
}
