using TacoMail.Reconciler.Cli;
using TacoMail.Reconciler.Cli.Commands;
using TacoMail.Reconciler.Tests.Config;
using static TacoMail.Testing.CliRunner;

namespace TacoMail.Reconciler.Tests.Cli;

/// <summary>
/// <c>tacomail contact</c>'s settings and the checks it makes against the YAML before it reads the
/// table (the table is covered by the integration tests).
/// </summary>
public sealed class ContactCommandTests : IDisposable
{
    private readonly TempConfig _config = new TempConfig()
        .WithMain()
        .With("example.com.yaml", "domain: example.com\ndefault_destination: me@example.net\naliases:\n  shop: {}\nmoved:\n  - { from: old-shop, to: shop }");

    public void Dispose() => _config.Dispose();

    [Theory]
    [InlineData("shop@example.com", "jane@x.example", false, null)]
    [InlineData("shop@example.com", "Jane Doe <jane@x.example>", false, null)]
    [InlineData(" Shop@Example.COM ", "<jane@x.example>", false, null)]
    [InlineData("shop@example.com", null, true, null)]
    [InlineData("shop@example.com", null, true, "json")]
    [InlineData("shop@example.com", null, true, "text")]
    public void Validate_ValidCombination_Succeeds(string alias, string? correspondent, bool list, string? format)
    {
        var settings = new ContactCommand.Settings { Alias = alias, Correspondent = correspondent, List = list, Format = format };

        settings.Validate().Successful.ShouldBeTrue();
    }

    [Theory]
    [InlineData("shop@example.com", "jane@x.example", true, null, "give either CORRESPONDENT (to print its reverse address) or --list (to list the alias's reverse addresses), not both")]
    [InlineData("shop@example.com", null, false, null, "name the CORRESPONDENT to write to (e.g. jane@x.example), or pass --list to list the alias's reverse addresses")]
    [InlineData("shop", "jane@x.example", false, null, "ALIAS 'shop' is not an alias address: 'shop' is not an address; write it as local@domain, e.g. 'shop@example.com'")]
    [InlineData("shop+news@example.com", "jane@x.example", false, null, "ALIAS 'shop+news@example.com' is not an alias address: ")]
    [InlineData("shop@example.com", "jane", false, null, "CORRESPONDENT: 'jane' is not an e-mail address; write it as name@domain, e.g. 'me@example.net'")]
    [InlineData("shop@example.com", "jane@", false, null, "CORRESPONDENT: ")]
    [InlineData("shop@example.com", "jane doe@x.example", false, null, "CORRESPONDENT: ")]
    [InlineData("shop@example.com", "jane@x.example", false, "json", "--format goes with --list; without it contact prints just the address")]
    [InlineData("shop@example.com", null, true, "xml", "--format must be text or json, not 'xml'")]
    public void Validate_InvalidCombination_NamesTheFix(string alias, string? correspondent, bool list, string? format, string message)
    {
        var settings = new ContactCommand.Settings { Alias = alias, Correspondent = correspondent, List = list, Format = format };

        var result = settings.Validate();

        result.Successful.ShouldBeFalse();
        result.Message.ShouldStartWith(message);
    }

    [Fact]
    public void Addresses_AfterValidation_AreNormalised()
    {
        var settings = new ContactCommand.Settings { Alias = " Shop@Example.COM ", Correspondent = "Jane Doe <Jane@X.Example>" };

        settings.ParsedAlias.ToString().ShouldBe("shop@example.com");
        settings.ParsedCorrespondent!.ToString().ShouldBe("Jane@x.example");
    }

    [Fact]
    public async Task Contact_UndeclaredAlias_IsRefusedBeforeTheTableIsRead()
    {
        var (exitCode, output) = await RunAsync("contact", "shopp@example.com", "jane@x.example", "--config", _config.Directory);

        exitCode.ShouldBe(ExitCodes.Error);
        output.ShouldContain($"shopp@example.com is not an alias declared in {_config.Directory} (did you mean 'shop@example.com'?); declare it there and run 'tacomail apply'");
    }

    [Fact]
    public async Task Contact_RenamedAlias_NamesItsNewAddress()
    {
        var (exitCode, output) = await RunAsync("contact", "old-shop@example.com", "--list", "--config", _config.Directory);

        exitCode.ShouldBe(ExitCodes.Error);
        output.ShouldContain("old-shop@example.com was renamed to shop@example.com");
        output.ShouldContain("use shop@example.com");
    }

    [Theory]
    [InlineData("reply.abcdefghijklmnopqrst@example.com")]
    [InlineData("Reply.ABCDEFGHIJKLMNOPQRST@Example.com")]
    public async Task Contact_CorrespondentIsOneOfTheConfigsReverseAddresses_IsRefused(string correspondent)
    {
        var (exitCode, output) = await RunAsync("contact", "shop@example.com", correspondent, "--config", _config.Directory);

        exitCode.ShouldBe(ExitCodes.Error);
        output.ShouldContain("is a reverse address of this configuration");
        output.ShouldContain("give the correspondent's own address");
    }
}
