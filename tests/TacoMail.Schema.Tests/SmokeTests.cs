namespace TacoMail.Schema.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void Smoke() => (1 + 1).ShouldBe(2);
}
