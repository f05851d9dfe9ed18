using TacoMail.Reconciler.Mailbox;
using TacoMail.Schema.Settings;
using TacoMail.Testing;

namespace TacoMail.Reconciler.Tests.Mailbox;

public sealed class MailboxTargetTests
{
    [Fact]
    public void Resolve_NoBucketAnywhere_ThrowsNamingTheOptionAndTheVariable()
    {
        var exception = Should.Throw<TacoMailException>(() => MailboxTarget.Resolve(null, null, null, new TestEnvironment()));

        exception.Message.ShouldContain("--bucket");
        exception.Message.ShouldContain(EnvironmentVariableNames.MailBucket);
    }

    [Fact]
    public void Resolve_BucketOnlyInTheEnvironment_UsesItWithTheDefaultPrefix()
    {
        var target = MailboxTarget.Resolve(null, null, null, Environment(EnvironmentVariableNames.MailBucket, "mail-bucket"));

        target.ShouldBe(new MailboxTarget("mail-bucket", "mailbox/", null));
        target.ListPrefix.ShouldBe("mailbox/");
    }

    [Fact]
    public void Resolve_OptionsAndEnvironment_OptionsWin()
    {
        var environment = new TestEnvironment(new Dictionary<string, string>
        {
            [EnvironmentVariableNames.MailBucket] = "from-environment",
            [EnvironmentVariableNames.MailboxPrefix] = "env-prefix/",
        });

        var target = MailboxTarget.Resolve("from-option", "option-prefix/", null, environment);

        target.Bucket.ShouldBe("from-option");
        target.MailboxPrefix.ShouldBe("option-prefix/");
    }

    [Theory]
    [InlineData("mail", "mail/")]
    [InlineData("/mail/", "mail/")]
    [InlineData("", "")]
    public void Resolve_Prefix_IsNormalisedToEndWithASlash(string prefix, string expected) =>
        MailboxTarget.Resolve("b", prefix, null, new TestEnvironment()).MailboxPrefix.ShouldBe(expected);

    [Fact]
    public void ListPrefix_WithAlias_IsThatAliasNewFolderInTheStoredForm()
    {
        var target = MailboxTarget.Resolve("b", null, "Shop@Bücher.Example", new TestEnvironment());

        target.ListPrefix.ShouldBe("mailbox/xn--bcher-kva.example/shop/new/");
    }

    [Fact]
    public void Resolve_AliasThatIsNoAddress_ThrowsSayingSo() =>
        Should.Throw<TacoMailException>(() => MailboxTarget.Resolve("b", null, "shop", new TestEnvironment()))
            .Message.ShouldStartWith("--alias: ");

    private static TestEnvironment Environment(string name, string value) => new(new Dictionary<string, string> { [name] = value });
}
