using TacoMail.Schema.Routing;

namespace TacoMail.Schema.Tests.Routing;

public sealed class VerdictStatusNamesTests
{
    [Theory]
    [InlineData("PASS", VerdictStatus.Pass)]
    [InlineData("pass", VerdictStatus.Pass)]
    [InlineData(" FAIL ", VerdictStatus.Fail)]
    [InlineData("GRAY", VerdictStatus.Gray)]
    [InlineData("PROCESSING_FAILED", VerdictStatus.ProcessingFailed)]
    [InlineData("DISABLED", VerdictStatus.Disabled)]
    [InlineData("SOMETHING_NEW", VerdictStatus.Missing)]
    [InlineData("", VerdictStatus.Missing)]
    [InlineData(null, VerdictStatus.Missing)]
    public void Parse_Text_MapsToStatus(string? text, VerdictStatus expected) =>
        VerdictStatusNames.Parse(text).ShouldBe(expected);

    [Fact]
    public void ToName_EveryStatus_ParsesBack()
    {
        foreach (var status in Enum.GetValues<VerdictStatus>())
        {
            VerdictStatusNames.Parse(status.ToName()).ShouldBe(status);
        }
    }
}
