using TacoMail.Reconciler.Config.Sections;
using TacoMail.Schema.Addresses;

namespace TacoMail.Reconciler.Config.Rules;

/// <summary>A moved entry whose addresses are valid, with the file it came from.</summary>
internal sealed record ResolvedMove(AliasAddress From, AliasAddress To, MoveEntry Entry, string Path)
{
    public SourceLocation Location => new(Path, Entry.Node.Line, Entry.Node.Column);

    /// <summary>How a message about a move in <paramref name="currentPath"/> refers to this one.</summary>
    public string ReferenceFrom(string currentPath) => Location.ReferenceFrom(currentPath);
}
