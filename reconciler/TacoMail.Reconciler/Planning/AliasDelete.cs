using TacoMail.Schema.Records;

namespace TacoMail.Reconciler.Planning;

/// <summary>The removal of an alias item the YAML no longer declares (and no <c>moved</c> entry takes).</summary>
internal sealed record AliasDelete : AliasChange
{
    /// <exception cref="ArgumentNullException"><paramref name="before"/> is null.</exception>
    public AliasDelete(AliasRecord before)
        : base((before ?? throw new ArgumentNullException(nameof(before))).Key, AliasAttributes.Describe(AliasSpec.Of(before), null))
    {
        Before = before;
    }

    /// <summary>The item as read; the plan shows it and the apply reports its identifier.</summary>
    public AliasRecord Before { get; }

    public override ChangeAction Action => ChangeAction.Delete;

    public override AliasRecord? Affected => Before;
}
