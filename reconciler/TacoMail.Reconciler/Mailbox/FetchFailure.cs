namespace TacoMail.Reconciler.Mailbox;

/// <summary>A message a run could not finish, and whether it is at least safe in the Maildir.</summary>
internal sealed record FetchFailure(MailboxMessage Message, string Reason, bool Delivered);
