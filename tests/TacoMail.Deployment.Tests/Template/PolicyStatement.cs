using TacoMail.Deployment.Tests.Yaml;
using YamlDotNet.RepresentationModel;

namespace TacoMail.Deployment.Tests.Template;

/// <summary>
/// One statement of an IAM policy document, with its resources rendered by
/// <see cref="IntrinsicText"/>. <see cref="Keys"/> lets a test refuse constructs the checks do
/// not model (<c>NotAction</c>, <c>NotResource</c>).
/// </summary>
internal sealed record PolicyStatement(
    string? Sid,
    string Effect,
    IReadOnlyList<string> Actions,
    IReadOnlyList<string> Resources,
    YamlNode? Principal,
    YamlNode? Condition,
    IReadOnlyList<string> Keys)
{
    public static PolicyStatement Parse(YamlNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return new PolicyStatement(
            node.Find("Sid")?.Text(),
            node.Text("Effect"),
            node.Find("Action") is { } action ? action.Texts() : [],
            node.Find("Resource") is { } resource ? IntrinsicText.RenderAll(resource) : [],
            node.Find("Principal"),
            node.Find("Condition"),
            node.Keys());
    }

    /// <summary>Every action on every resource, as <c>action on resource</c>.</summary>
    public IEnumerable<string> Grants => Actions.SelectMany(a => Resources.Select(r => $"{a} on {r}"));
}
