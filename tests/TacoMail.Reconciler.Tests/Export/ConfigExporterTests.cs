using TacoMail.Reconciler.Export;
using TacoMail.Reconciler.Tests.Planning;

namespace TacoMail.Reconciler.Tests.Export;

public sealed class ConfigExporterTests
{
    [Fact]
    public void Export_AliasOfTheReverseAddressForm_IsSkippedWithTheReasonSoTheYamlValidates()
    {
        var state = States.Actual([States.Record("shop@example.com"), States.Record("reply.abcdefghijklmnopqrst@example.com")]);

        var result = ConfigExporter.Export(state, "tacomail", "us-east-1");

        result.Aliases.ShouldBe(1);
        result.Skipped.ShouldHaveSingleItem().ShouldStartWith(
            "reply.abcdefghijklmnopqrst@example.com: alias 'reply.abcdefghijklmnopqrst' has the form TacoMail reserves for reverse addresses");
        result.Files.Single(f => f.FileName == "example.com.yaml").Content.ShouldNotContain("reply.");
    }
}
