using TacoMail.Reconciler.Diagnostics;

namespace TacoMail.Reconciler.Tests.Config;

/// <summary>
/// Names the table reserves for TacoMail itself: the reverse-address form of a local part
/// (TM050), and the reserved partitions, which are never domains.
/// </summary>
public sealed class ReservedNameTests : IDisposable
{
    private const string Main = """
        table: { name: tacomail }
        domains: [example.com]
        destinations: [me@example.net, S3]
        """;

    private readonly TempConfig _config = new TempConfig().WithMain(Main);

    public void Dispose() => _config.Dispose();

    private TempConfig WithAliases(string aliases, string moved = "") =>
        _config.With("example.com.yaml", $"domain: example.com\ndefault_destination: me@example.net\naliases:\n{aliases}{moved}");

    [Theory]
    [InlineData("reply.abcdefghijklmnopqrst")]
    [InlineData("reply.22222222222222222222")]
    [InlineData("reply.a2b3c4d5e6f7g2h3i4j5")]
    public async Task Alias_ReverseForm_IsRefusedAtItsKey(string name)
    {
        var result = await WithAliases($"  shop: {{}}\n  {name}: {{}}").LoadAsync();

        result.Config.ShouldBeNull();
        var diagnostic = result.Diagnostics.ShouldHaveSingleItem();
        (diagnostic.Code, diagnostic.Line, diagnostic.Column).ShouldBe((DiagnosticCodes.ReverseAddressForm, 5, 3));
        diagnostic.Message.ShouldStartWith($"alias '{name}' has the form TacoMail reserves for reverse addresses");
        diagnostic.Message.ShouldEndWith("choose another name");
    }

    [Theory]
    [InlineData("reply.abcdefghijklmnopqrs")]
    [InlineData("reply.abcdefghijklmnopqrstu")]
    [InlineData("reply.abcdefghijklmnopqrs1")]
    [InlineData("reply-abcdefghijklmnopqrst")]
    [InlineData("replies.abcdefghijklmnopqrst")]
    [InlineData("reply")]
    [InlineData("reply.to-jane")]
    public async Task Alias_CloseToTheReverseForm_IsAllowed(string name)
    {
        var result = await WithAliases($"  {name}: {{}}").LoadAsync();

        result.Diagnostics.ShouldBeEmpty();
        result.Config.ShouldNotBeNull();
    }

    [Fact]
    public async Task Move_FromTheReverseForm_IsAllowedSoThatAnOldAliasCanBeRenamedAwayFromIt()
    {
        var result = await WithAliases("  shop: {}\n", "moved:\n  - { from: reply.abcdefghijklmnopqrst, to: shop }").LoadAsync();

        result.Diagnostics.ShouldBeEmpty();
        result.Config!.Moves.ShouldHaveSingleItem().From.ToString().ShouldBe("reply.abcdefghijklmnopqrst@example.com");
    }

    [Fact]
    public async Task Move_ToADeclaredAliasOfTheReverseForm_IsRefusedAtBothNames()
    {
        var result = await WithAliases("  reply.abcdefghijklmnopqrst: {}\n", "moved:\n  - { from: shop, to: reply.abcdefghijklmnopqrst@example.com }").LoadAsync();

        result.Config.ShouldBeNull();
        result.Diagnostics.Select(d => (d.Code, d.Line, d.Column)).ShouldBe(
        [
            (DiagnosticCodes.ReverseAddressForm, 4, 3),
            (DiagnosticCodes.ReverseAddressForm, 6, 23),
        ]);
    }

    [Theory]
    [InlineData("tacomail-reverse")]
    [InlineData("tacomail-delivery")]
    public async Task Domain_AReservedPartition_IsNeverADomain(string name)
    {
        _config.WithMain($"table: {{ name: tacomail }}\ndomains: [example.com, {name}]\ndestinations: [me@example.net, S3]")
            .With("reserved.yaml", $"domain: {name}\ndefault_destination: me@example.net\naliases:\n  shop: {{}}");

        var result = await WithAliases("  shop: {}").LoadAsync();

        // A single label is no domain (TM037), so no alias can be planned into the mail path's partitions.
        result.Config.ShouldBeNull();
        result.Diagnostics.Select(d => (Path.GetFileName(d.Path), d.Code, d.Line)).ShouldBe(
        [
            ("reserved.yaml", DiagnosticCodes.InvalidDomain, 1),
            ("tacomail.yaml", DiagnosticCodes.InvalidDomain, 2),
        ]);
    }
}
