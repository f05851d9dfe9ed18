namespace TacoMail.Lambda.Logging;

/// <summary>One recipient in a <see cref="DispositionLogEntry"/>.</summary>
/// <param name="Recipient">The envelope recipient as received.</param>
/// <param name="Alias">The address it was looked up as (<c>local@domain</c>); null for an invalid address.</param>
/// <param name="Lookup"><c>found</c>, <c>not-found</c>, <c>unreadable</c>, <c>invalid-address</c>, <c>failed</c> or <c>skipped</c>.</param>
/// <param name="Outcome"><c>deliver</c>, <c>drop</c>, <c>bounce</c> or <c>bounce-suppressed</c>.</param>
/// <param name="Reason">An <see cref="Schema.Routing.OutcomeReason"/> name, or <c>fail-safe</c>.</param>
internal sealed record RecipientLogEntry(string Recipient, string? Alias, string Lookup, string Outcome, string Reason);
