using TacoMail.Lambda.Configuration;
using TacoMail.Schema.Routing;

namespace TacoMail.Lambda.Tests.Configuration;

public sealed class LambdaSettingsTests
{
    private static readonly Dictionary<string, string> Minimal = new()
    {
        ["TACOMAIL_TABLE"] = "tacomail-aliases",
        ["TACOMAIL_BOUNCE_SENDER"] = "mailer-daemon@example.com",
    };

    private static LambdaSettings Load(Dictionary<string, string> values) =>
        LambdaSettings.Load(new FakeEnvironmentVariables(values));

    private static Dictionary<string, string> With(params (string Name, string Value)[] values)
    {
        var result = new Dictionary<string, string>(Minimal);
        foreach (var (name, value) in values)
        {
            result[name] = value;
        }

        return result;
    }

    [Fact]
    public void Load_MinimalEnvironment_UsesDefaults()
    {
        var settings = Load(Minimal);

        settings.TableName.ShouldBe("tacomail-aliases");
        settings.BounceSender.ShouldBe("mailer-daemon@example.com");
        settings.Separators.ShouldBe(SubAddressSeparators.Default);
        settings.Policy.ShouldBe(new MessagePolicy(SpamPolicy.Drop, BouncePolicy.Authenticated));
        settings.MailBucket.ShouldBeNull();
        settings.IncomingPrefix.ShouldBe("incoming/");
        settings.MailboxPrefix.ShouldBe("mailbox/");
        settings.Region.ShouldBeNull();
        settings.DynamoDbEndpoint.ShouldBeNull();
    }

    [Fact]
    public void Load_EveryVariable_IsRead()
    {
        var settings = Load(With(
            ("TACOMAIL_SUBADDRESS_SEPARATORS", "+, ."),
            ("TACOMAIL_SPAM_POLICY", "deliver"),
            ("TACOMAIL_BOUNCE_POLICY", "Always"),
            ("TACOMAIL_MAIL_BUCKET", "mail-bucket"),
            ("TACOMAIL_INCOMING_PREFIX", "in/"),
            ("TACOMAIL_MAILBOX_PREFIX", "box/"),
            ("AWS_REGION", "eu-west-1"),
            ("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:8000")));

        settings.Separators.Values.ShouldBe(["+", "."]);
        settings.Policy.ShouldBe(new MessagePolicy(SpamPolicy.Deliver, BouncePolicy.Always));
        settings.MailBucket.ShouldBe("mail-bucket");
        settings.IncomingPrefix.ShouldBe("in/");
        settings.MailboxPrefix.ShouldBe("box/");
        settings.Region.ShouldBe("eu-west-1");
        settings.DynamoDbEndpoint.ShouldBe(new Uri("http://127.0.0.1:8000"));
    }

    [Fact]
    public void Load_NothingSet_ListsEveryMissingVariableInOneError()
    {
        var error = Should.Throw<LambdaConfigurationException>(() => Load([]));

        error.Problems.ShouldBe(
        [
            "TACOMAIL_TABLE is not set",
            "TACOMAIL_BOUNCE_SENDER is not set (required unless TACOMAIL_BOUNCE_POLICY is never)",
        ]);
        error.Message.ShouldBe(
            "Invalid configuration: TACOMAIL_TABLE is not set; "
            + "TACOMAIL_BOUNCE_SENDER is not set (required unless TACOMAIL_BOUNCE_POLICY is never).");
    }

    [Fact]
    public void Load_EveryValueInvalid_ListsEveryProblem()
    {
        var error = Should.Throw<LambdaConfigurationException>(() => Load(new Dictionary<string, string>
        {
            ["TACOMAIL_TABLE"] = "no spaces allowed",
            ["TACOMAIL_BOUNCE_SENDER"] = "not-an-address",
            ["TACOMAIL_SUBADDRESS_SEPARATORS"] = "+,,#",
            ["TACOMAIL_SPAM_POLICY"] = "keep",
            ["TACOMAIL_BOUNCE_POLICY"] = "sometimes",
            ["AWS_ENDPOINT_URL_DYNAMODB"] = "localhost:8000",
        }));

        error.Problems.Count.ShouldBe(6);
        error.Problems[0].ShouldStartWith("TACOMAIL_TABLE 'no spaces allowed' is not a DynamoDB table name");
        error.Problems[1].ShouldBe("TACOMAIL_SPAM_POLICY 'keep' is not one of drop, deliver");
        error.Problems[2].ShouldBe("TACOMAIL_BOUNCE_POLICY 'sometimes' is not one of authenticated, always, never");
        error.Problems[3].ShouldStartWith("TACOMAIL_BOUNCE_SENDER: 'not-an-address' is not an e-mail address");
        error.Problems[4].ShouldStartWith("TACOMAIL_SUBADDRESS_SEPARATORS: ");
        error.Problems[5].ShouldBe("AWS_ENDPOINT_URL_DYNAMODB 'localhost:8000' is not an http or https URL");
    }

    [Fact]
    public void Load_BouncePolicyNever_DoesNotNeedABounceSender()
    {
        var settings = Load(new Dictionary<string, string>
        {
            ["TACOMAIL_TABLE"] = "aliases",
            ["TACOMAIL_BOUNCE_POLICY"] = "never",
        });

        settings.BounceSender.ShouldBeNull();
        settings.Policy.Bounce.ShouldBe(BouncePolicy.Never);
    }

    [Fact]
    public void Load_BlankValues_CountAsUnset()
    {
        var settings = Load(With(("TACOMAIL_SPAM_POLICY", " "), ("TACOMAIL_INCOMING_PREFIX", ""), ("AWS_REGION", "")));

        settings.Policy.Spam.ShouldBe(SpamPolicy.Drop);
        settings.IncomingPrefix.ShouldBe("incoming/");
        settings.Region.ShouldBeNull();
    }

    [Fact]
    public void Load_GlobalEndpoint_UsedWithoutServiceEndpoint() =>
        Load(With(("AWS_ENDPOINT_URL", "http://localhost:4566"))).DynamoDbEndpoint.ShouldBe(new Uri("http://localhost:4566"));

    [Fact]
    public void Load_ServiceEndpoint_WinsOverGlobal() =>
        Load(With(("AWS_ENDPOINT_URL", "http://localhost:4566"), ("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:8000")))
            .DynamoDbEndpoint.ShouldBe(new Uri("http://127.0.0.1:8000"));

    [Fact]
    public void Load_BounceSenderDomain_IsNormalised() =>
        Load(With(("TACOMAIL_BOUNCE_SENDER", " Mailer-Daemon@Example.COM "))).BounceSender.ShouldBe("Mailer-Daemon@example.com");

    [Fact]
    public void TryLoad_Invalid_ReturnsProblemsWithoutThrowing()
    {
        LambdaSettings.TryLoad(new FakeEnvironmentVariables(With(("TACOMAIL_SPAM_POLICY", "x"))), out var settings, out var problems)
            .ShouldBeFalse();

        settings.ShouldBeNull();
        problems.ShouldHaveSingleItem().ShouldStartWith("TACOMAIL_SPAM_POLICY");
    }
}
