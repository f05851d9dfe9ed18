namespace TacoMail.Reconciler.Table;

/// <summary>One key attribute of a table or index: name and scalar type (<c>S</c>, <c>N</c>, <c>B</c>).</summary>
internal sealed record KeyAttribute(string Name, string Type)
{
    public override string ToString() => $"{Name} ({Type})";
}
