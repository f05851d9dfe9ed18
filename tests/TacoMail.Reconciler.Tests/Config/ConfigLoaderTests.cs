using TacoMail.Reconciler.Config;
using TacoMail.Schema.Addresses;
using TacoMail.Schema.Model;
using TacoMail.Schema.Settings;

namespace TacoMail.Reconciler.Tests.Config;

public sealed partial class ConfigLoaderTests
{
    private const string Model = "valid/model";
    private const string Realistic = "valid/realistic";

    [Fact]
    public async Task LoadAsync_ValidFixture_HasNoDiagnostics()
    {
        var result = await Fixture.LoadAsync(Model);

        result.Diagnostics.ShouldBeEmpty();
        result.Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task LoadAsync_ValidFixture_ReadsTableBounceSenderAndSafety()
    {
        var config = (await Fixture.LoadAsync(Model)).Config!;

        config.Table.ShouldBe(new TableSettings("tacomail-test", "eu-west-1"));
        config.BounceSender.ShouldBe("mailer-daemon@example.com");
        config.Safety.ShouldBe(new SafetyThresholds(3, 12.5m, SafetyThresholds.DefaultMaxDisablePercent));
    }

    [Fact]
    public async Task LoadAsync_UnicodeAndUpperCaseDomains_AreNormalisedToPunycode()
    {
        var config = (await Fixture.LoadAsync(Model)).Config!;

        config.Domains.Select(domain => domain.Value).ShouldBe(["example.com", "xn--bcher-kva.example"]);
        config.Domains[1].Unicode.ShouldBe("bücher.example");
    }

    [Fact]
    public async Task LoadAsync_Destinations_AreNormalisedInDeclaredOrder()
    {
        var config = (await Fixture.LoadAsync(Model)).Config!;

        config.Destinations.ShouldBe(["me@example.net", "Partner@example.org", "S3"]);
    }

    [Fact]
    public async Task LoadAsync_Aliases_ResolveDefaultsAndAreSortedByDomainThenLocalPart()
    {
        var config = (await Fixture.LoadAsync(Model)).Config!;

        config.Aliases.Select(alias => (alias.Address.ToString(), alias.Destination, alias.State)).ShouldBe(
        [
            ("archive@example.com", "S3", AliasState.Active),
            ("first.last@example.com", "me@example.net", AliasState.Active),
            ("newsletters@example.com", "S3", AliasState.Active),
            ("noisy-store@example.com", "me@example.net", AliasState.Paused),
            ("old-bank@example.com", "me@example.net", AliasState.Disabled),
            ("partner@example.com", "Partner@example.org", AliasState.Active),
            ("shop@example.com", "me@example.net", AliasState.Active),
            ("buch@xn--bcher-kva.example", "S3", AliasState.Active),
            ("zeitung@xn--bcher-kva.example", "me@example.net", AliasState.Paused),
        ]);
    }

    [Fact]
    public async Task LoadAsync_Alias_KeepsTheSourceLocationOfItsKey()
    {
        var config = (await Fixture.LoadAsync(Model)).Config!;

        var shop = config.Aliases.Single(alias => alias.Address == AliasAddress.Parse("shop@example.com"));
        shop.Source.ShouldBe(new SourceLocation(Fixture.File(Model, "example.com.yaml"), 5, 3));
    }

    [Fact]
    public async Task LoadAsync_Expiries_AreReadWithTheirThenStateAndSource()
    {
        var config = (await Fixture.LoadAsync(Model)).Config!;

        config.Aliases.Where(alias => alias.Expiry is not null).Select(alias => (alias.Address.ToString(), alias.Expiry)).ShouldBe(
        [
            ("partner@example.com", new AliasExpiry(
                new DateTimeOffset(2030, 6, 30, 18, 0, 0, TimeSpan.FromHours(2)), AliasState.Paused, new SourceLocation(Fixture.File(Model, "example.com.yaml"), 10, 72))),
            ("buch@xn--bcher-kva.example", new AliasExpiry(
                new DateTimeOffset(2030, 12, 31, 0, 0, 0, TimeSpan.Zero), AliasState.Disabled, new SourceLocation(Fixture.File(Model, "buecher.yaml"), 5, 37))),
        ]);
    }

    [Fact]
    public async Task LoadAsync_Moves_ResolveLocalPartsAndFullAddresses()
    {
        var config = (await Fixture.LoadAsync(Model)).Config!;

        var file = Fixture.File(Model, "example.com.yaml");
        config.Moves.ShouldBe(
        [
            new AliasMove(AliasAddress.Parse("oldshop@example.com"), AliasAddress.Parse("shop@example.com"), new SourceLocation(file, 12, 5)),
            new AliasMove(
                AliasAddress.Parse("legacy@xn--bcher-kva.example"),
                AliasAddress.Parse("buch@xn--bcher-kva.example"),
                new SourceLocation(file, 13, 5)),
        ]);
    }

    [Fact]
    public async Task LoadAsync_RealisticFixture_LoadsEveryAlias()
    {
        var result = await Fixture.LoadAsync(Realistic);

        result.Diagnostics.ShouldBeEmpty();
        var config = result.Config!;
        config.Domains.Select(domain => domain.Value).ShouldBe(["example.com", "mail.example.org"]);
        config.Destinations.ShouldBe(["me@gmail.com", "family@example.net", "S3"]);
        config.Aliases.Count.ShouldBe(16);
        config.Aliases.Count(alias => alias.State == AliasState.Paused).ShouldBe(3);
        config.Aliases.Count(alias => alias.State == AliasState.Disabled).ShouldBe(2);
        config.Aliases.Count(alias => alias.Destination == "S3").ShouldBe(2);
        config.Moves.ShouldHaveSingleItem().To.ToString().ShouldBe("shop@example.com");
    }

    [Fact]
    public async Task LoadAsync_RealisticFixture_EveryFileStartsWithTheSchemaModeline()
    {
        foreach (var file in System.IO.Directory.EnumerateFiles(Fixture.Directory(Realistic), "*.yaml"))
        {
            var firstLine = (await File.ReadAllLinesAsync(file, TestContext.Current.CancellationToken))[0];
            firstLine.ShouldBe("# yaml-language-server: $schema=../../../../../schema/tacomail.schema.json");
        }
    }

    [Fact]
    public async Task LoadAsync_SameLoaderTwice_GivesEqualModels()
    {
        var loader = Fixture.Loader();

        var first = await loader.LoadAsync(Fixture.Directory(Realistic), TestContext.Current.CancellationToken);
        var second = await loader.LoadAsync(Fixture.Directory(Realistic), TestContext.Current.CancellationToken);

        second.Config!.Aliases.ShouldBe(first.Config!.Aliases);
    }
}
