namespace TacoMail.Lambda.Delivery.Storage;

/// <summary>The stored message disappeared between reading its tags and reading it (a concurrent delivery finished it).</summary>
public sealed class MailObjectMissingException : Exception
{
    public MailObjectMissingException()
    {
    }

    public MailObjectMissingException(string message)
        : base(message)
    {
    }

    public MailObjectMissingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
