using TacoMail.Deployment.Tests.Yaml;

namespace TacoMail.Deployment.Tests.Template;

public sealed partial class TemplateTests
{
    [Theory]
    [MemberData(nameof(Functions))]
    public void Function_Runtime_IsTheAotBootstrapOnProvidedAl2023(string functionId, string handler)
    {
        var function = _template.Properties(functionId);

        function.Text("Runtime").ShouldBe("provided.al2023");
        function.Get("Architectures").Texts().ShouldBe(["x86_64"]);
        function.Text("Handler").ShouldBe(handler);
        IntrinsicText.Render(function.Mapping("Code").Get("S3Bucket")).ShouldBe("${ArtifactBucket}");
        IntrinsicText.Render(function.Mapping("Code").Get("S3Key")).ShouldBe("${ArtifactKey}");
        int.Parse(function.Text("MemorySize"), System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThanOrEqualTo(128);
        int.Parse(function.Text("Timeout"), System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(1, 900);
    }

    [Fact]
    public void DispositionFunction_Timeout_IsWithinSesThirtySecondsForRequestResponse()
    {
        int.Parse(_template.Properties("DispositionFunction").Text("Timeout"), System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBeLessThan(30);
    }

    [Theory]
    [MemberData(nameof(Functions))]
    public void Function_Environment_HasEveryLambdaVariable(string functionId, string handler)
    {
        var variables = _template.Properties(functionId).Mapping("Environment").Mapping("Variables")
            .Entries().ToDictionary(e => e.Key, e => IntrinsicText.Render(e.Value), StringComparer.Ordinal);

        variables.ShouldBe(
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["TACOMAIL_TABLE"] = "${TableName}",
                ["TACOMAIL_BOUNCE_SENDER"] = "${BounceSender}",
                ["TACOMAIL_BOUNCE_POLICY"] = "${BouncePolicy}",
                ["TACOMAIL_SPAM_POLICY"] = "${SpamPolicy}",
                ["TACOMAIL_SUBADDRESS_SEPARATORS"] = "${SubaddressSeparators}",
                ["TACOMAIL_MAIL_BUCKET"] = "${MailBucket}",
                ["TACOMAIL_INCOMING_PREFIX"] = IncomingPrefix,
                ["TACOMAIL_MAILBOX_PREFIX"] = MailboxPrefix,
            },
            ignoreOrder: true,
            customMessage: handler);
    }

    [Theory]
    [MemberData(nameof(Functions))]
    public void Function_Role_IsItsOwn(string functionId, string handler)
    {
        var role = handler == "disposition" ? "DispositionRole" : "DeliveryRole";

        IntrinsicText.Render(_template.Properties(functionId).Get("Role")).ShouldBe($"${{{role}.Arn}}");
    }

    [Fact]
    public void Parameters_PolicyDefaults_AreTheLambdaDefaults()
    {
        var parameters = _template.Root.Mapping("Parameters");

        parameters.Mapping("BouncePolicy").Text("Default").ShouldBe("authenticated");
        parameters.Mapping("BouncePolicy").Get("AllowedValues").Texts().ShouldBe(["authenticated", "always", "never"]);
        parameters.Mapping("SpamPolicy").Text("Default").ShouldBe("drop");
        parameters.Mapping("SpamPolicy").Get("AllowedValues").Texts().ShouldBe(["drop", "deliver"]);
        parameters.Mapping("SubaddressSeparators").Text("Default")
            .ShouldBe(TacoMail.Schema.Routing.SubAddressSeparators.Default.ToString());
    }
}
