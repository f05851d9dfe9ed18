namespace TacoMail.Deployment.Tests.ResourceSpec;

/// <summary>
/// One disagreement between a template resource and the resource specification.
/// <see cref="Property"/> is a path below <c>Properties</c> (<c>Rule.Actions[0].LambdaAction.FunctionArn</c>),
/// empty for a finding about the type itself; <see cref="Line"/> is the template line to look at.
/// </summary>
internal sealed record SpecFinding(SpecFindingKind Kind, string LogicalId, string Type, string Property, long Line, string? Detail = null)
{
    public override string ToString()
    {
        var what = Kind switch
        {
            SpecFindingKind.UnknownType => "the type is not in the resource specification",
            SpecFindingKind.MissingTransform => $"the type needs Transform: {Detail}, which the template does not declare",
            SpecFindingKind.UnknownProperty => $"unknown property {Property}",
            SpecFindingKind.MissingRequiredProperty => $"missing required property {Property}",
            _ => throw new InvalidOperationException($"unknown finding kind {Kind}"),
        };
        return $"{LogicalId} ({Type}), line {Line}: {what}";
    }
}
