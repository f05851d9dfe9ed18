using TacoMail.Lambda.Configuration;
using TacoMail.Lambda.Hosting;
using TacoMail.Lambda.Tests.Hosting;

namespace TacoMail.Lambda.Tests.Configuration;

public sealed class LambdaSettingsReaderTests
{
    private static readonly Dictionary<string, string> Minimal = new()
    {
        ["TACOMAIL_TABLE"] = "tacomail-aliases",
    };

    private static LambdaSettings Load(Dictionary<string, string> values) =>
        LambdaSettingsReader.Read(new TestEnvironmentVariables([.. values.Select(v => (v.Key, v.Value))]));

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
            ("TACOMAIL_MAIL_BUCKET", "mail-bucket"),
            ("TACOMAIL_INCOMING_PREFIX", "in/"),
            ("TACOMAIL_MAILBOX_PREFIX", "box/"),
            ("AWS_REGION", "eu-west-1"),
            ("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:8000")));

        settings.MailBucket.ShouldBe("mail-bucket");
        settings.IncomingPrefix.ShouldBe("in/");
        settings.MailboxPrefix.ShouldBe("box/");
        settings.Region.ShouldBe("eu-west-1");
        settings.DynamoDbEndpoint.ShouldBe(new Uri("http://127.0.0.1:8000"));
    }

    [Fact]
    public void Load_NothingSet_ListsEveryMissingVariableInOneError()
    {
        var error = Should.Throw<StartupException>(() => Load([]));

        error.Problems.ShouldBe(["TACOMAIL_TABLE is not set"]);
        error.Message.ShouldBe("Invalid configuration: TACOMAIL_TABLE is not set.");
    }

    [Fact]
    public void Load_EveryValueInvalid_ListsEveryProblem()
    {
        var error = Should.Throw<StartupException>(() => Load(new Dictionary<string, string>
        {
            ["TACOMAIL_TABLE"] = "no spaces allowed",
            ["AWS_ENDPOINT_URL_DYNAMODB"] = "localhost:8000",
        }));

        error.Problems.Count.ShouldBe(2);
        error.Problems[0].ShouldStartWith("TACOMAIL_TABLE 'no spaces allowed' is not a DynamoDB table name");
        error.Problems[1].ShouldBe("AWS_ENDPOINT_URL_DYNAMODB 'localhost:8000' is not an http or https URL");
    }

    [Fact]
    public void Load_RoutingVariablesOfEarlierVersions_AreNotASecondSourceOfSettings()
    {
        // The routing settings are declared in tacomail.yaml and read from the table: a stale
        // variable left in a function's environment must change nothing.
        var settings = Load(With(("TACOMAIL_BOUNCE_POLICY", "sometimes"), ("TACOMAIL_SUBADDRESS_SEPARATORS", "+,,#")));

        settings.TableName.ShouldBe("tacomail-aliases");
        typeof(LambdaSettings).GetProperties().Select(p => p.Name).ShouldNotContain("BounceSender");
    }

    [Fact]
    public void Load_BlankValues_CountAsUnset()
    {
        var settings = Load(With(("TACOMAIL_INCOMING_PREFIX", ""), ("AWS_REGION", "")));

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

    [Theory]
    [InlineData(null, "disposition", "disposition")]
    [InlineData("delivery", "disposition", "delivery")]
    [InlineData("", "disposition", "disposition")]
    [InlineData(null, null, null)]
    public void HandlerName_OverrideWinsOverLambdasHandler(string? tacomailHandler, string? lambdaHandler, string? expected)
    {
        var variables = new List<(string, string)>();
        if (tacomailHandler is not null)
        {
            variables.Add(("TACOMAIL_HANDLER", tacomailHandler));
        }

        if (lambdaHandler is not null)
        {
            variables.Add(("_HANDLER", lambdaHandler));
        }

        LambdaSettingsReader.HandlerName(new TestEnvironmentVariables([.. variables])).ShouldBe(expected);
    }
}
