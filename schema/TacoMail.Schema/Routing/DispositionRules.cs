using TacoMail.Schema.Model;

namespace TacoMail.Schema.Routing;

/// <summary>
/// The one place that maps an alias's state to what happens to its mail, shared by the Lambda
/// and <c>tacomail route</c> so that the explanation and the behaviour cannot drift apart.
/// </summary>
public static class DispositionRules
{
    /// <summary>The disposition for an alias in <paramref name="state"/>, or for an unknown address (null).</summary>
    public static Disposition ForState(AliasState? state) => state switch
    {
        AliasState.Active => Disposition.Deliver,
        AliasState.Paused => Disposition.Drop,
        AliasState.Disabled or null => Disposition.Bounce,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Undefined alias state."),
    };
}
