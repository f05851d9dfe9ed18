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
    public void Function_Environment_HasTheTableAndBucketOnly(string functionId, string handler)
    {
        // The mail-path settings (bounce sender, policies, separators) are in the table's settings
        // item, written by `tacomail apply`; the stack carries no copy that could disagree with it.
        var variables = _template.Properties(functionId).Mapping("Environment").Mapping("Variables")
            .Entries().ToDictionary(e => e.Key, e => IntrinsicText.Render(e.Value), StringComparer.Ordinal);

        variables.ShouldBe(
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["TACOMAIL_TABLE"] = "${TableName}",
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

    [Theory]
    [InlineData("BounceSender")]
    [InlineData("BouncePolicy")]
    [InlineData("SpamPolicy")]
    [InlineData("SubaddressSeparators")]
    public void Parameters_MailPathSettings_AreNotStackParameters(string removed)
    {
        _template.Root.Mapping("Parameters").Find(removed).ShouldBeNull($"{removed} is a setting of aliases/tacomail.yaml");
        ParameterGroups().SelectMany(g => g.Parameters).ShouldNotContain(removed);
        RepositoryRoot.ReadAllText(CloudFormationTemplate.RelativePath).ShouldNotContain($"!Ref {removed}");
    }

    [Fact]
    public void Parameters_All_AreExactlyTheDeploymentParameters()
    {
        _template.Root.Mapping("Parameters").Keys().ShouldBe(
            [
                "DomainNames", "IncomingRetentionDays", "ArtifactBucket", "ArtifactKey", "TableName", "CreateTable",
                "RuleSetName", "CreateRuleSet", "RuleAfter", "TlsPolicy", "GitHubRepository", "ApplyEnvironment",
                "GitHubOidcProviderArn", "AlarmEmail",
            ],
            ignoreOrder: true);
    }

    [Fact]
    public void ParameterGroups_ListEveryParameterOnce()
    {
        var grouped = ParameterGroups().SelectMany(g => g.Parameters).ToList();

        grouped.ShouldBeUnique();
        grouped.ShouldBe(_template.Root.Mapping("Parameters").Keys(), ignoreOrder: true);
        ParameterGroups().Single(g => g.Label == "Mail").Parameters.ShouldBe(["DomainNames", "IncomingRetentionDays"]);
    }

    private IReadOnlyList<(string Label, IReadOnlyList<string> Parameters)> ParameterGroups() =>
        [.. _template.Root.Mapping("Metadata").Mapping("AWS::CloudFormation::Interface").Sequence("ParameterGroups").Children
            .Select(g => (g.Mapping("Label").Text("default"), g.Get("Parameters").Texts()))];
}
