namespace TacoMail.Reconciler.Config.Yaml;

/// <summary>A sequence (list).</summary>
internal sealed class SourceSequence : SourceNode
{
    public SourceSequence(IReadOnlyList<SourceNode> items, int line, int column)
        : base(line, column)
    {
        Items = items;
    }

    public IReadOnlyList<SourceNode> Items { get; }

    /// <summary>The items when all of them are string scalars, else null.</summary>
    public IReadOnlyList<SourceScalar>? AsStrings()
    {
        var strings = Items.OfType<SourceScalar>().Where(item => item.IsString).ToList();
        return strings.Count == Items.Count ? strings : null;
    }

    public override string Describe() => "a list";
}
