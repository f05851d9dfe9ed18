using TacoMail.Reconciler.Config.Yaml;
using TacoMail.Reconciler.Diagnostics;

namespace TacoMail.Reconciler.Config;

/// <summary>
/// Collects every diagnostic of one load, so that all problems of all files are reported in one
/// run rather than one per edit-and-retry cycle.
/// </summary>
internal sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    /// <summary>True when an error was added; warnings alone leave the configuration usable.</summary>
    public bool HasErrors => _items.Exists(d => d.IsError);

    /// <summary>Adds an error.</summary>
    public void Add(string path, int line, int column, string code, string message) =>
        _items.Add(new Diagnostic(path, Math.Max(1, line), Math.Max(1, column), code, message));

    /// <summary>Adds an error at <paramref name="node"/>.</summary>
    public void Add(string path, SourceNode node, string code, string message) =>
        Add(path, node.Line, node.Column, code, message);

    /// <summary>Adds a warning at <paramref name="node"/>: reported, but the configuration is still built.</summary>
    public void Warn(string path, SourceNode node, string code, string message) =>
        _items.Add(new Diagnostic(path, Math.Max(1, node.Line), Math.Max(1, node.Column), code, message, DiagnosticSeverity.Warning));

    /// <summary>The diagnostics ordered by path, line, column (then code and message, for stability).</summary>
    public IReadOnlyList<Diagnostic> ToSortedList() =>
        [.. _items
            .Distinct()
            .OrderBy(d => d.Path, StringComparer.Ordinal)
            .ThenBy(d => d.Line)
            .ThenBy(d => d.Column)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)];
}
