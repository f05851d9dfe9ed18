namespace TacoMail.Lambda.Delivery.Queue;

/// <summary>A queue entry exists but cannot be read; its message stays where it is, and the entry is reported.</summary>
public sealed class QueueEntryException : Exception
{
    public QueueEntryException()
    {
    }

    public QueueEntryException(string message)
        : base(message)
    {
    }

    public QueueEntryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
