namespace TacoMail.Reconciler.Planning;

/// <summary>
/// One attribute a change sets or clears, with its value before and after as the user reads it
/// (<c>state</c> stands for the table's <c>active_alias</c>/<c>ignore_alias</c> pair). A null
/// value means "absent".
/// </summary>
internal sealed record AttributeChange(string Name, string? Before, string? After);
