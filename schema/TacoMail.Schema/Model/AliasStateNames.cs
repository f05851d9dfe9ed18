namespace TacoMail.Schema.Model;

/// <summary>The words the YAML, plans and explanations use for an <see cref="AliasState"/>.</summary>
public static class AliasStateNames
{
    public const string Active = "active";
    public const string Paused = "paused";
    public const string Disabled = "disabled";

    public static string ToName(this AliasState state) => state switch
    {
        AliasState.Active => Active,
        AliasState.Paused => Paused,
        AliasState.Disabled => Disabled,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Undefined alias state."),
    };
}
