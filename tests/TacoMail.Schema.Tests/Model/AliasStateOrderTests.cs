using TacoMail.Schema.Model;

namespace TacoMail.Schema.Tests.Model;

public sealed class AliasStateOrderTests
{
    [Theory]
    [InlineData(AliasState.Active, AliasState.Active, AliasState.Active)]
    [InlineData(AliasState.Active, AliasState.Paused, AliasState.Paused)]
    [InlineData(AliasState.Active, AliasState.Disabled, AliasState.Disabled)]
    [InlineData(AliasState.Paused, AliasState.Active, AliasState.Paused)]
    [InlineData(AliasState.Paused, AliasState.Disabled, AliasState.Disabled)]
    [InlineData(AliasState.Disabled, AliasState.Paused, AliasState.Disabled)]
    [InlineData(AliasState.Disabled, AliasState.Active, AliasState.Disabled)]
    public void Stricter_OfTwoStates_IsTheOneThatStopsMoreMail(AliasState state, AliasState other, AliasState stricter)
    {
        AliasStateOrder.Stricter(state, other).ShouldBe(stricter);
    }

    [Fact]
    public void Stricter_UndefinedState_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => AliasStateOrder.Stricter(AliasState.Active, (AliasState)7));
    }
}
