namespace TacoMail.Reconciler.Mailbox;

/// <summary>
/// The mailbox store failed in a way the user can act on (missing bucket, refused credentials,
/// unreachable endpoint, one object unreadable). For a single object the fetcher reports it and
/// carries on with the rest; for the listing it ends the run with the message.
/// </summary>
internal sealed class MailboxStoreException : TacoMailException
{
    public MailboxStoreException()
    {
    }

    public MailboxStoreException(string message)
        : base(message)
    {
    }

    public MailboxStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
