namespace TacoMail.Reconciler.Table;

/// <summary>A global secondary index of the contract; all of them project ALL attributes.</summary>
internal sealed record IndexLayout(string Name, KeyShape Keys);
