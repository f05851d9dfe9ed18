using TacoMail.Deployment.Tests.Yaml;

namespace TacoMail.Deployment.Tests.Template;

/// <summary>The inline policies and the trust policy of an <c>AWS::IAM::Role</c> of the template.</summary>
internal static class RolePolicies
{
    /// <summary>The statements of every inline policy of <paramref name="roleId"/>.</summary>
    public static IReadOnlyList<PolicyStatement> Statements(CloudFormationTemplate template, string roleId)
    {
        ArgumentNullException.ThrowIfNull(template);
        return [.. template.Properties(roleId).Sequence("Policies").Children
            .SelectMany(p => p.Mapping("PolicyDocument").Sequence("Statement").Children)
            .Select(PolicyStatement.Parse)];
    }

    /// <summary>The statements of the policy document of the <c>AWS::IAM::ManagedPolicy</c> <paramref name="policyId"/>.</summary>
    public static IReadOnlyList<PolicyStatement> ManagedPolicyStatements(CloudFormationTemplate template, string policyId)
    {
        ArgumentNullException.ThrowIfNull(template);
        return [.. template.Properties(policyId).Mapping("PolicyDocument").Sequence("Statement").Children.Select(PolicyStatement.Parse)];
    }

    public static IReadOnlyList<PolicyStatement> Trust(CloudFormationTemplate template, string roleId)
    {
        ArgumentNullException.ThrowIfNull(template);
        return [.. template.Properties(roleId).Mapping("AssumeRolePolicyDocument").Sequence("Statement").Children
            .Select(PolicyStatement.Parse)];
    }

    /// <summary>Every <c>action on resource</c> the role's policies allow, sorted.</summary>
    public static IReadOnlyList<string> Grants(CloudFormationTemplate template, string roleId) =>
        [.. Statements(template, roleId).Where(s => s.Effect == "Allow").SelectMany(s => s.Grants).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>Every action some Allow statement of <paramref name="roleId"/> names.</summary>
    public static IReadOnlySet<string> Actions(CloudFormationTemplate template, string roleId) =>
        Statements(template, roleId).Where(s => s.Effect == "Allow").SelectMany(s => s.Actions).ToHashSet(StringComparer.Ordinal);
}
