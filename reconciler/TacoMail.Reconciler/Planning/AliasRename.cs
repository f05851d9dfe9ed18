using TacoMail.Schema.Records;

namespace TacoMail.Reconciler.Planning;

/// <summary>
/// A <c>moved</c> entry carried out: the item is moved to a new address, keeping its identifier,
/// created time and use count, and takes the destination and state the YAML declares there.
/// </summary>
internal sealed record AliasRename : AliasChange
{
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The new address is the old one.</exception>
    public AliasRename(AliasRecord before, AliasSpec after)
        : base(Checked(before, after), AliasAttributes.ValueChanges(before, after))
    {
        Before = before;
        After = after;
    }

    /// <summary>The old address, where the item is now.</summary>
    public ItemKey From => Before.Key;

    /// <summary>The item as read at the old address.</summary>
    public AliasRecord Before { get; }

    /// <summary>The alias as the YAML declares it at the new address.</summary>
    public AliasSpec After { get; }

    public override ChangeAction Action => ChangeAction.Rename;

    /// <summary>Always the old item: mail to the old address stops.</summary>
    public override AliasRecord? Affected => Before;

    private static ItemKey Checked(AliasRecord before, AliasSpec after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return before.Key == after.Key
            ? throw new ArgumentException($"A rename moves the item; {after.Key} is where it already is.", nameof(after))
            : after.Key;
    }
}
