namespace TacoMail.Reconciler.Config.Yaml;

/// <summary>The YAML 1.2 core-schema type of a scalar; quoted scalars are always <see cref="String"/>.</summary>
internal enum ScalarKind
{
    String,
    Null,
    Boolean,
    Integer,
    Float,
}
