namespace TacoMail.Reconciler.Config.Yaml;

/// <summary>A scalar with its text as written and its core-schema type.</summary>
internal sealed class SourceScalar : SourceNode
{
    public SourceScalar(string value, ScalarKind kind, bool isPlain, int line, int column)
        : base(line, column)
    {
        Value = value;
        Kind = kind;
        IsPlain = isPlain;
    }

    /// <summary>The text of the scalar (for a plain <c>10</c>, the text <c>10</c>).</summary>
    public string Value { get; }

    public ScalarKind Kind { get; }

    /// <summary>True when written without quotes or block indicators (only plain scalars are typed).</summary>
    public bool IsPlain { get; }

    public bool IsString => Kind == ScalarKind.String;

    public override string Describe() => Kind switch
    {
        ScalarKind.Null => "empty (null)",
        ScalarKind.Boolean => $"the boolean {Value}",
        ScalarKind.Integer or ScalarKind.Float => $"the number {Value}",
        _ => $"the text '{Value}'",
    };
}
