namespace TacoMail.Reconciler.Config.Yaml;

/// <summary>A mapping with unique keys, in the order written.</summary>
internal sealed class SourceMapping : SourceNode
{
    public SourceMapping(IReadOnlyList<SourceEntry> entries, bool isIncomplete, int line, int column)
        : base(line, column)
    {
        Entries = entries;
        IsIncomplete = isIncomplete;
    }

    public IReadOnlyList<SourceEntry> Entries { get; }

    /// <summary>
    /// True when an entry was dropped because of a YAML error already reported (an alias, a
    /// complex key), so that a missing key here is not reported a second time.
    /// </summary>
    public bool IsIncomplete { get; }

    public SourceEntry? Find(string key) =>
        Entries.FirstOrDefault(entry => string.Equals(entry.Key.Value, key, StringComparison.Ordinal));

    /// <summary>The value of <paramref name="key"/> when it is a string scalar, else null.</summary>
    public SourceScalar? FindString(string key) =>
        Find(key)?.Value is SourceScalar { IsString: true } scalar ? scalar : null;

    public override string Describe() => "a mapping";
}
