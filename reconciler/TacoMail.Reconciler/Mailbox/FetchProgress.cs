namespace TacoMail.Reconciler.Mailbox;

/// <summary>One message done, reported as it happens so the CLI can show progress and errors.</summary>
/// <param name="Message">The message.</param>
/// <param name="Outcome">What happened to it.</param>
/// <param name="BytesDelivered">Bytes written into the Maildir by this run (0 when it already had the message).</param>
/// <param name="Error">Why it failed, for <see cref="FetchOutcome.Failed"/> and <see cref="FetchOutcome.NotDeleted"/>.</param>
internal readonly record struct FetchProgress(MailboxMessage Message, FetchOutcome Outcome, long BytesDelivered, string? Error);
