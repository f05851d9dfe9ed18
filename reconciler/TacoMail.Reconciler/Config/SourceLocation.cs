namespace TacoMail.Reconciler.Config;

/// <summary>Where a model element was declared, so later stages (plan, apply) can point back at the YAML.</summary>
/// <param name="Path">The file, as the config directory was given joined with the file name.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
internal sealed record SourceLocation(string Path, int Line, int Column)
{
    public override string ToString() => $"{Path}:{Line}:{Column}";

    /// <summary>How a message in <paramref name="currentPath"/> refers to this place: <c>line 5</c> or <c>path:5</c>.</summary>
    public string ReferenceFrom(string currentPath) =>
        string.Equals(Path, currentPath, StringComparison.Ordinal) ? $"line {Line}" : $"{Path}:{Line}";
}
