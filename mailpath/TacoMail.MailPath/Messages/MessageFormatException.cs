namespace TacoMail.MailPath.Messages;

/// <summary>The stored message cannot be forwarded as it is (e.g. a header block too large to rewrite); retrying will not help.</summary>
public sealed class MessageFormatException : Exception
{
    public MessageFormatException()
    {
    }

    public MessageFormatException(string message)
        : base(message)
    {
    }

    public MessageFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
