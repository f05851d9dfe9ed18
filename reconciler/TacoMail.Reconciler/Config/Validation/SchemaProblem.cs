using TacoMail.Reconciler.Config.Yaml;

namespace TacoMail.Reconciler.Config.Validation;

/// <summary>A schema error translated for people: where, which code, what to do.</summary>
internal sealed record SchemaProblem(SourceNode Node, string Code, string Message);
