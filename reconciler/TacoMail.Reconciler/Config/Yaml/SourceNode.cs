namespace TacoMail.Reconciler.Config.Yaml;

/// <summary>
/// A node of a parsed YAML file with the position it starts at, so that every later check
/// (schema, semantic rules) can point the user at the exact line and column.
/// </summary>
internal abstract class SourceNode
{
    protected SourceNode(int line, int column)
    {
        Line = line;
        Column = column;
    }

    /// <summary>1-based line.</summary>
    public int Line { get; }

    /// <summary>1-based column.</summary>
    public int Column { get; }

    /// <summary>How the node reads in a message, e.g. <c>a list</c> or <c>the number 5</c>.</summary>
    public abstract string Describe();
}
