using TacoMail.Reconciler.Config.Yaml;
using TacoMail.Schema.Settings;

namespace TacoMail.Reconciler.Config.Sections;

/// <summary>
/// What tacomail.yaml says, still as YAML nodes (for positions). A value the schema rejected is
/// null here, so the semantic rules skip it instead of reporting its consequences again.
/// </summary>
/// <param name="Path">The file.</param>
/// <param name="TableName">table.name.</param>
/// <param name="TableRegion">table.region.</param>
/// <param name="Domains">domains, or null when missing or not a list of strings.</param>
/// <param name="Destinations">destinations, or null when missing or not a list of strings.</param>
/// <param name="BounceSender">bounce_sender.</param>
/// <param name="FeedbackAddress">feedback_address.</param>
/// <param name="Separators">subaddress_separators, or null when missing or not a list of strings.</param>
/// <param name="BouncePolicy">bounce_policy.</param>
/// <param name="SpamPolicy">spam_policy.</param>
/// <param name="QueueLifetime">queue_lifetime, when it is text.</param>
/// <param name="Safety">safety, with defaults for missing or rejected values.</param>
internal sealed record MainSection(
    string Path,
    SourceScalar? TableName,
    SourceScalar? TableRegion,
    IReadOnlyList<SourceScalar>? Domains,
    IReadOnlyList<SourceScalar>? Destinations,
    SourceScalar? BounceSender,
    SourceScalar? FeedbackAddress,
    IReadOnlyList<SourceScalar>? Separators,
    SourceScalar? BouncePolicy,
    SourceScalar? SpamPolicy,
    SourceScalar? QueueLifetime,
    SafetyThresholds Safety);
