namespace TacoMail.Reconciler.Table;

/// <summary>The outcome of <see cref="TableInitializer.EnsureTableAsync"/>, for the CLI to report.</summary>
/// <param name="TableName">The table that was checked.</param>
/// <param name="Outcome">What was done.</param>
/// <param name="AddedIndexes">Names of the indexes added (empty unless <see cref="TableInitOutcome.AddedIndexes"/>).</param>
internal sealed record TableInitResult(string TableName, TableInitOutcome Outcome, IReadOnlyList<string> AddedIndexes);
