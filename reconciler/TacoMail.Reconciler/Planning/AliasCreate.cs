using TacoMail.Schema.Records;

namespace TacoMail.Reconciler.Planning;

/// <summary>A new alias item: the applier gives it an identifier, timestamps and a use count of 0.</summary>
internal sealed record AliasCreate : AliasChange
{
    /// <exception cref="ArgumentNullException"><paramref name="after"/> is null.</exception>
    public AliasCreate(AliasSpec after)
        : base((after ?? throw new ArgumentNullException(nameof(after))).Key, AliasAttributes.Describe(null, after))
    {
        After = after;
    }

    /// <summary>The alias as the YAML declares it.</summary>
    public AliasSpec After { get; }

    public override ChangeAction Action => ChangeAction.Create;

    public override AliasRecord? Affected => null;
}
