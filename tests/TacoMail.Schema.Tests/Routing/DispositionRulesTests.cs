using TacoMail.Schema.Model;
using TacoMail.Schema.Routing;

namespace TacoMail.Schema.Tests.Routing;

public sealed class DispositionRulesTests
{
    [Theory]
    [InlineData(AliasState.Active, Disposition.Deliver)]
    [InlineData(AliasState.Paused, Disposition.Drop)]
    [InlineData(AliasState.Disabled, Disposition.Bounce)]
    [InlineData(null, Disposition.Bounce)]
    public void ForState_State_MapsToDisposition(AliasState? state, Disposition expected) =>
        DispositionRules.ForState(state).ShouldBe(expected);
}
