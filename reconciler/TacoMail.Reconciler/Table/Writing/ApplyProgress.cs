using TacoMail.Reconciler.Planning;
using TacoMail.Schema.Records;

namespace TacoMail.Reconciler.Table.Writing;

/// <summary>
/// Reported after each change is done, for a progress display: <see cref="Done"/> of
/// <see cref="Total"/> changes (configuration items included), and the one just finished.
/// </summary>
internal readonly record struct ApplyProgress(int Done, int Total, ChangeAction Action, ItemKey Key);
