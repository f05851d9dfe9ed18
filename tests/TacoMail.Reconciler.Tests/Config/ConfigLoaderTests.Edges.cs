using TacoMail.Reconciler.Config;
using TacoMail.Reconciler.Diagnostics;
using TacoMail.Schema.Model;
using TacoMail.Schema.Settings;

namespace TacoMail.Reconciler.Tests.Config;

public sealed partial class ConfigLoaderTests
{
    [Fact]
    public async Task LoadAsync_NullAliasesAndAliasValues_MeanDefaults()
    {
        using var config = new TempConfig().WithMain()
            .With("a.yaml", "domain: example.com\ndefault_destination: S3\naliases:\n  shop:\n  store: {}")
            .With("b.yaml", "domain: bücher.example\naliases:");

        var result = await config.LoadAsync();

        result.Diagnostics.ShouldBeEmpty();
        result.Config!.Aliases.Select(alias => (alias.Address.ToString(), alias.Destination, alias.State))
            .ShouldBe([("shop@example.com", "S3", AliasState.Active), ("store@example.com", "S3", AliasState.Active)]);
    }

    [Fact]
    public async Task LoadAsync_NoSafetySection_UsesTheDefaults()
    {
        using var config = new TempConfig().WithMain();

        var result = await config.LoadAsync();

        result.Config!.Safety.ShouldBe(new SafetyThresholds(10, 30, 30));
        result.Config.Table.ShouldBe(new TableSettings("tacomail", null));
        result.Config.BounceSender.ShouldBeNull();
    }

    [Fact]
    public async Task LoadAsync_YmlHiddenAndOtherFiles_ReadsOnlyVisibleYamlFiles()
    {
        using var config = new TempConfig().WithMain()
            .With("example.com.yml", "domain: example.com\naliases:\n  shop: { destination: S3 }")
            .With(".#example.com.yaml", "not: [valid")
            .With("README.md", "# notes");

        var result = await config.LoadAsync();

        result.Diagnostics.ShouldBeEmpty();
        result.Config!.Aliases.ShouldHaveSingleItem().Source.Path.ShouldBe(config.PathOf("example.com.yml"));
    }

    [Fact]
    public async Task LoadAsync_SameAddressWrittenInUnicodeAndPunycode_IsADuplicate()
    {
        using var config = new TempConfig().WithMain()
            .With("a.yaml", "domain: bücher.example\ndefault_destination: S3\naliases:\n  buch: {}")
            .With("b.yaml", "domain: xn--bcher-kva.example\ndefault_destination: S3\naliases:\n  buch: {}");

        var result = await config.LoadAsync();

        var diagnostic = result.Diagnostics.ShouldHaveSingleItem();
        (diagnostic.Path, diagnostic.Line, diagnostic.Column, diagnostic.Code)
            .ShouldBe((config.PathOf("b.yaml"), 4, 3, DiagnosticCodes.DuplicateAddress));
    }

    [Fact]
    public async Task LoadAsync_MainConfigMissing_StillChecksTheDomainFiles()
    {
        using var config = new TempConfig()
            .With("example.com.yaml", "domain: example.com\ndefault_destination: nowhere@example.net\naliases:\n  Shop: {}");

        var result = await config.LoadAsync();

        result.Diagnostics.Select(d => d.Code)
            .ShouldBe([DiagnosticCodes.UpperCaseLocalPart, DiagnosticCodes.MainConfigMissing]);
    }

    [Fact]
    public async Task LoadAsync_KeyWithDots_ReportsSchemaErrorsAtItsValue()
    {
        using var config = new TempConfig().WithMain()
            .With("a.yaml", "domain: example.com\ndefault_destination: S3\naliases:\n  first.last: { state: gone }");

        var result = await config.LoadAsync();

        var diagnostic = result.Diagnostics.ShouldHaveSingleItem();
        (diagnostic.Line, diagnostic.Column, diagnostic.Code).ShouldBe((4, 24, DiagnosticCodes.NotAllowedValue));
        diagnostic.Message.ShouldStartWith("'aliases['first.last'].state' is 'gone'");
    }

    [Fact]
    public async Task LoadAsync_AliasSettingsNotAMapping_ExplainsWhatToWrite()
    {
        using var config = new TempConfig().WithMain()
            .With("a.yaml", "domain: example.com\naliases:\n  shop: S3");

        var result = await config.LoadAsync();

        var diagnostic = result.Diagnostics.ShouldHaveSingleItem();
        (diagnostic.Line, diagnostic.Column, diagnostic.Code).ShouldBe((3, 9, DiagnosticCodes.WrongType));
        diagnostic.Message.ShouldBe(
            "'aliases.shop' must be a mapping (key: value) or empty, not the text 'S3'; " +
            "write a mapping such as { state: paused }, or leave it empty for the defaults");
    }

    [Fact]
    public async Task LoadAsync_AliasesNotAMapping_ExplainsWhatToWrite()
    {
        using var config = new TempConfig().WithMain()
            .With("a.yaml", "domain: example.com\naliases: [shop, store]");

        var result = await config.LoadAsync();

        result.Diagnostics.ShouldHaveSingleItem().Message.ShouldBe(
            "'aliases' must be a mapping (key: value) or empty, not a list; write 'key: value' lines indented below it, or leave it empty");
    }

    [Fact]
    public async Task LoadAsync_NumberWhereTextIsExpected_SuggestsQuoting()
    {
        using var config = new TempConfig().WithMain()
            .With("a.yaml", "domain: example.com\ndefault_destination: S3\naliases:\n  '123': {}\nmoved:\n  - { from: 122, to: '123' }");

        var result = await config.LoadAsync();

        var diagnostic = result.Diagnostics.ShouldHaveSingleItem();
        (diagnostic.Line, diagnostic.Column, diagnostic.Code).ShouldBe((6, 13, DiagnosticCodes.WrongType));
        diagnostic.Message.ShouldBe("'moved[0].from' must be text, not the number 122; quote it: '122'");
    }

    [Fact]
    public async Task LoadAsync_DomainFileWithoutDomain_ReportsTheMissingKeyForADomainFile()
    {
        using var config = new TempConfig().WithMain()
            .With("a.yaml", "default_destination: S3\naliases:\n  shop: {}");

        var result = await config.LoadAsync();

        var diagnostic = result.Diagnostics.ShouldHaveSingleItem();
        (diagnostic.Line, diagnostic.Column, diagnostic.Code).ShouldBe((1, 1, DiagnosticCodes.MissingKey));
        diagnostic.Message.ShouldStartWith("this domain file is missing the required key 'domain'");
    }

    [Fact]
    public async Task LoadAsync_FileThatIsAList_ReportsWrongTypeOnly()
    {
        using var config = new TempConfig().WithMain().With("a.yaml", "- shop\n- store");

        var result = await config.LoadAsync();

        var diagnostic = result.Diagnostics.ShouldHaveSingleItem();
        (diagnostic.Line, diagnostic.Column, diagnostic.Code).ShouldBe((1, 1, DiagnosticCodes.WrongType));
        diagnostic.Message.ShouldStartWith("the file must be a mapping (key: value), not a list");
    }

    [Fact]
    public async Task LoadAsync_UnknownTopLevelKeyInMainConfig_ListsTheMainConfigKeys()
    {
        using var config = new TempConfig().WithMain(TempConfig.Main + "\ndestination: [S3]");

        var result = await config.LoadAsync();

        result.Diagnostics.ShouldHaveSingleItem().Message.ShouldBe(
            "unknown key 'destination' in tacomail.yaml (did you mean 'destinations'?); fix or remove it, " +
            "the allowed keys are: table, domains, destinations, bounce_sender, feedback_address, subaddress_separators, bounce_policy, spam_policy, queue_lifetime, safety");
    }

    [Fact]
    public async Task LoadAsync_RejectedAliasSettings_DoNotAlsoReportAMissingDestination()
    {
        using var config = new TempConfig().WithMain()
            .With("a.yaml", "domain: example.com\naliases:\n  shop: { destination: 42 }");

        var result = await config.LoadAsync();

        result.Diagnostics.ShouldHaveSingleItem().Code.ShouldBe(DiagnosticCodes.WrongType);
    }

    [Fact]
    public async Task LoadAsync_SelfMove_IsReportedAsAChain()
    {
        using var config = new TempConfig().WithMain()
            .With("a.yaml", "domain: example.com\ndefault_destination: S3\naliases:\n  shop: {}\nmoved:\n  - { from: shop, to: shop@example.com }");

        var result = await config.LoadAsync();

        result.Diagnostics.ShouldHaveSingleItem().Message.ShouldBe("moves 'shop@example.com' to itself; remove this entry");
    }

    [Fact]
    public async Task LoadAsync_MoveAcrossDomains_IsAccepted()
    {
        using var config = new TempConfig().WithMain()
            .With("a.yaml", "domain: bücher.example\ndefault_destination: S3\naliases:\n  shop: {}\nmoved:\n  - { from: shop@old.example, to: shop }");

        var result = await config.LoadAsync();

        result.Diagnostics.ShouldBeEmpty();
        var move = result.Config!.Moves.ShouldHaveSingleItem();
        (move.From.ToString(), move.To.ToString()).ShouldBe(("shop@old.example", "shop@xn--bcher-kva.example"));
    }

    [Fact]
    public async Task LoadAsync_BounceSenderNotAnAddress_ReportsInvalidDestination()
    {
        using var config = new TempConfig().WithMain(TempConfig.Main + "\nbounce_sender: S3");

        var result = await config.LoadAsync();

        var diagnostic = result.Diagnostics.ShouldHaveSingleItem();
        (diagnostic.Line, diagnostic.Column, diagnostic.Code).ShouldBe((4, 16, DiagnosticCodes.InvalidDestination));
    }

    [Fact]
    public async Task LoadAsync_CancelledToken_Throws()
    {
        using var config = new TempConfig().WithMain();

        await Should.ThrowAsync<OperationCanceledException>(
            () => Fixture.Loader().LoadAsync(config.Directory, new CancellationToken(canceled: true)));
    }
}
