using TacoMail.Reconciler.Diagnostics;

namespace TacoMail.Reconciler.Tests.Config;

public sealed partial class ConfigLoaderTests
{
    private const string MultipleErrors = "invalid/multiple-errors";

    [Fact]
    public async Task LoadAsync_SeveralErrorsInSeveralFiles_ReportsAllOfThemSorted()
    {
        var result = await Fixture.LoadAsync(MultipleErrors);

        result.Config.ShouldBeNull();
        result.Diagnostics.Select(d => (Path.GetFileName(d.Path), d.Line, d.Column, d.Code)).ShouldBe(
        [
            ("example.com.yaml", 3, 22, DiagnosticCodes.UndeclaredDestination),
            ("example.com.yaml", 5, 3, DiagnosticCodes.UpperCaseLocalPart),
            ("example.com.yaml", 6, 3, DiagnosticCodes.SubAddressSeparator),
            ("example.com.yaml", 7, 18, DiagnosticCodes.NotAllowedValue),
            ("example.org.yaml", 2, 9, DiagnosticCodes.UndeclaredDomain),
            ("example.org.yaml", 4, 3, DiagnosticCodes.NoDestination),
            ("tacomail.yaml", 2, 26, DiagnosticCodes.UnknownKey),
            ("tacomail.yaml", 4, 36, DiagnosticCodes.InvalidDestination),
            ("zz-broken.yaml", 4, 1, DiagnosticCodes.YamlSyntax),
        ]);
    }

    [Theory]
    [InlineData("TM020-unknown-key", "unknown key 'destinaton' in 'aliases.shop' (did you mean 'destination'?); fix or remove it, the allowed keys are: destination, state, expires, then")]
    [InlineData("TM021-wrong-type", "'domains' must be a list, not the text 'example.com'; write it as a list, e.g. [example.com]")]
    [InlineData("TM023-not-allowed-value", "'aliases.shop.state' is 'activ', which is not allowed (did you mean 'active'?); use one of: active, paused, disabled")]
    [InlineData("TM024-constraint-violated", "'safety.max_delete_percent' is 150, more than the maximum of 100; lower it")]
    [InlineData("TM030-undeclared-domain", "domain 'exmaple.com' is not declared in tacomail.yaml domains; add it there or fix the typo (did you mean 'example.com'?)")]
    [InlineData("TM031-undeclared-destination", "destination 'me@exmaple.net' is not declared in tacomail.yaml destinations; add it there or fix the typo (did you mean 'me@example.net'?)")]
    [InlineData("TM036-upper-case-local-part", "local part 'Bank' has upper-case letters; aliases are matched in lower case, write 'bank'")]
    [InlineData("TM039-invalid-destination", "destinations: 's3' is not a destination; the mailbox bucket is written 'S3' in upper case")]
    [InlineData("TM042-move-target-undeclared", "moved to 'shopp@example.com', which is not declared as an alias (did you mean 'shop@example.com'?); declare it under aliases or fix the 'to' address")]
    [InlineData("TM045-move-chain", "moves form a chain first@example.com -> second@example.com -> shop@example.com; a rename happens in one step, so replace them with one entry from 'first@example.com' to 'shop@example.com'")]
    [InlineData("TM047-feedback-address-not-received", "feedback_address 'feedback@example.net' is not on one of the domains, so SES's bounce and complaint reports would never reach the mailbox; use an address on example.com")]
    [InlineData("TM048-destination-loop", "destinations entry orders@xn--bcher-kva.example is itself an address this config receives (bücher.example is in domains): mail would loop; use a mailbox outside your domains or S3")]
    [InlineData("TM049-queue-lifetime-out-of-range", "queue_lifetime '30m' is shorter than the minimum of 1h: mail a destination refuses for a moment would be given up on after a retry or two (the queue is swept every 5 minutes); use 1h to 100d (default 5d)")]
    [InlineData("TM050-reverse-address-form", "alias 'reply.abcdefghijklmnopqrst' has the form TacoMail reserves for reverse addresses (reply. followed by 20 letters a–z and digits 2–7), so mail to it would be taken for a reply and never reach an alias; choose another name")]
    [InlineData("TM050-reverse-address-form-move", "moved to 'reply.abcdefghijklmnopqrst', which has the form TacoMail reserves for reverse addresses (reply. followed by 20 letters a–z and digits 2–7), so mail to it would be taken for a reply and never reach an alias; choose another name")]
    [InlineData("TM045-move-cycle", "moves form a cycle ping@example.com -> pong@example.com -> ping@example.com; remove these entries (a rename cannot end where it started)")]
    public async Task LoadAsync_InvalidFixture_ExplainsTheProblemAndTheFix(string fixture, string message)
    {
        var result = await Fixture.LoadAsync($"invalid/{fixture}");

        result.Diagnostics.ShouldHaveSingleItem().Message.ShouldBe(message);
    }

    [Fact]
    public async Task LoadAsync_MissingKey_NamesTheKeyAndWhatItIsFor()
    {
        var result = await Fixture.LoadAsync("invalid/TM022-missing-key");

        result.Diagnostics.ShouldHaveSingleItem().Message.ShouldBe(
            "'table' is missing the required key 'name' (The table name, e.g. tacomail); add 'name:' with a value");
    }

    [Fact]
    public async Task LoadAsync_DuplicateAddressAcrossFiles_NamesTheFirstDeclaration()
    {
        var name = "invalid/TM033-duplicate-address";

        var result = await Fixture.LoadAsync(name);

        result.Diagnostics.ShouldHaveSingleItem().Message.ShouldBe(
            $"address 'shop@example.com' is already declared at {Fixture.File(name, "a-shops.yaml")}:5; " +
            "an address is declared once, remove one of the two");
    }

    [Fact]
    public async Task LoadAsync_DomainFileErrors_DoNotMentionMainConfigKeys()
    {
        var result = await Fixture.LoadAsync("invalid/TM020-unknown-key");

        var message = result.Diagnostics.ShouldHaveSingleItem().Message;
        message.ShouldNotContain("domains");
        message.ShouldNotContain("table");
    }
}
