namespace TacoMail.Reconciler.Config.Yaml;

/// <summary>One <c>key: value</c> pair of a mapping; keys are always scalars.</summary>
internal sealed record SourceEntry(SourceScalar Key, SourceNode Value);
