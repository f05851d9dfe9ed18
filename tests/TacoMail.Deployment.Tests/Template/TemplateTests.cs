using TacoMail.Deployment.Tests.Yaml;
using YamlDotNet.RepresentationModel;

namespace TacoMail.Deployment.Tests.Template;

/// <summary>Checks <c>lambda/template.yaml</c> against the deployment contract (docs/architecture.md section 6, docs/deploy.md).</summary>
public sealed partial class TemplateTests
{
    private const string TableArn = "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${TableName}";
    private const string IndexArns = TableArn + "/index/*";
    private const string SesIdentities = "arn:${AWS::Partition}:ses:${AWS::Region}:${AWS::AccountId}:identity/*";
    private const string IncomingPrefix = "incoming/";
    private const string MailboxPrefix = "mailbox/";
    private const string QueuePrefix = "queue/";
    private const string FailedPrefix = "failed/";

    // The delivery function's per-recipient claims (TableContract.DeliveryPartition on main).
    private const string DeliveryPartition = "tacomail-delivery";

    private readonly CloudFormationTemplate _template = CloudFormationTemplate.Load();

    public static TheoryData<string, string> Functions => new()
    {
        { "DispositionFunction", "disposition" },
        { "DeliveryFunction", "delivery" },
    };

    private static IReadOnlyList<string> KeySchema(YamlNode owner) =>
        [.. owner.Sequence("KeySchema").Children.Select(k => $"{k.Text("AttributeName")} {k.Text("KeyType")}")];
}
