using TacoMail.Reconciler.Diagnostics;
using TacoMail.Schema.Routing;

namespace TacoMail.Reconciler.Tests.Config;

public sealed partial class ConfigLoaderTests
{
    [Fact]
    public async Task LoadAsync_NoRoutingKeys_UsesTheDefaultsAndTheBounceSenderAsFeedbackAddress()
    {
        using var config = new TempConfig().WithMain(TempConfig.Main + "\nbounce_sender: Mailer-Daemon@Example.com");

        var routing = (await config.LoadAsync()).Config!.Routing;

        routing.BounceSender.ShouldBe("Mailer-Daemon@example.com");
        routing.FeedbackAddress.ShouldBe(routing.BounceSender);
        routing.Separators.ShouldBe(SubAddressSeparators.Default);
        routing.Policy.ShouldBe(MessagePolicy.Default);
    }

    [Fact]
    public async Task LoadAsync_AllRoutingKeys_AreRead()
    {
        using var config = new TempConfig().WithMain(TempConfig.Main + """

            bounce_sender: mailer-daemon@example.com
            feedback_address: feedback@bücher.example
            subaddress_separators: ["+", "_"]
            bounce_policy: never
            spam_policy: deliver
            """);

        var result = await config.LoadAsync();

        result.Diagnostics.ShouldBeEmpty();
        var routing = result.Config!.Routing;
        routing.FeedbackAddress.ShouldBe("feedback@xn--bcher-kva.example");
        routing.Separators.Values.ShouldBe(["+", "_"]);
        routing.Policy.ShouldBe(new MessagePolicy(SpamPolicy.Deliver, BouncePolicy.Never));
    }

    [Theory]
    [InlineData("bounce_policy: sometimes", DiagnosticCodes.NotAllowedValue)]
    [InlineData("spam_policy: keep", DiagnosticCodes.NotAllowedValue)]
    [InlineData("subaddress_separators: []", DiagnosticCodes.ConstraintViolated)]
    [InlineData("subaddress_separators: [\"a b\"]", DiagnosticCodes.ConstraintViolated)]
    [InlineData("feedback_address: not-an-address", DiagnosticCodes.InvalidDestination)]
    public async Task LoadAsync_BadRoutingKey_IsReported(string line, string code)
    {
        using var config = new TempConfig().WithMain(TempConfig.Main + "\n" + line);

        var result = await config.LoadAsync();

        result.Config.ShouldBeNull();
        var diagnostic = result.Diagnostics.ShouldHaveSingleItem();
        (diagnostic.Code, diagnostic.Line).ShouldBe((code, 4));
    }

    [Fact]
    public async Task LoadAsync_BounceSenderOffTheDomainsWithoutFeedbackAddress_IsReportedAtTheBounceSender()
    {
        using var config = new TempConfig().WithMain(TempConfig.Main + "\nbounce_sender: bounces@example.net");

        var diagnostic = (await config.LoadAsync()).Diagnostics.ShouldHaveSingleItem();

        (diagnostic.Code, diagnostic.Line, diagnostic.Column).ShouldBe((DiagnosticCodes.FeedbackAddressNotReceived, 4, 16));
        diagnostic.Message.ShouldContain("no feedback_address is set");
    }

    [Fact]
    public async Task LoadAsync_AliasDestinationOnAReceivedDomain_NamesTheAliasAndTheLoop()
    {
        using var config = new TempConfig().WithMain()
            .With("example.com.yaml", "domain: example.com\ndefault_destination: me@example.net\naliases:\n  orders: { destination: shop@Example.com }");

        var diagnostics = (await config.LoadAsync()).Diagnostics;

        var loop = diagnostics.Single(d => d.Code == DiagnosticCodes.DestinationLoop);
        (loop.Path, loop.Line, loop.Column).ShouldBe((config.PathOf("example.com.yaml"), 4, 26));
        loop.Message.ShouldBe(
            "destination shop@example.com of alias orders@example.com is itself an address this config receives " +
            "(example.com is in domains): mail would loop; use a mailbox outside your domains or S3");
    }

    [Fact]
    public async Task LoadAsync_DefaultDestinationOnAReceivedUnicodeDomain_IsALoop()
    {
        using var config = new TempConfig()
            .WithMain(TempConfig.Main.Replace("[me@example.net, S3]", "[me@example.net, S3, all@BÜCHER.example]", StringComparison.Ordinal))
            .With("example.com.yaml", "domain: example.com\ndefault_destination: all@bücher.example\naliases:\n  shop: {}");

        var diagnostics = (await config.LoadAsync()).Diagnostics;

        diagnostics.Select(d => (Path.GetFileName(d.Path), d.Line, d.Code)).ShouldBe(
        [
            ("example.com.yaml", 2, DiagnosticCodes.DestinationLoop),
            ("tacomail.yaml", 3, DiagnosticCodes.DestinationLoop),
        ]);
        diagnostics[0].Message.ShouldStartWith("default_destination all@xn--bcher-kva.example of domain example.com is itself");
    }
}
