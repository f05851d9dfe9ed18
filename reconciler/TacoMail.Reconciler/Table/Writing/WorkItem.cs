namespace TacoMail.Reconciler.Table.Writing;

/// <summary>One unit of parallel apply work (a batch, an update, a rename) and what it is, for error messages.</summary>
/// <param name="Description">E.g. <c>updating shop@example.com</c>.</param>
/// <param name="Run">Does the work; its token stops retries, never a request in flight.</param>
internal sealed record WorkItem(string Description, Func<CancellationToken, Task> Run);
