namespace TacoMail.MailPath.Recipients;

/// <summary>DynamoDB kept returning keys unprocessed (throttling) after the bounded retries.</summary>
public sealed class AliasLookupException : Exception
{
    public AliasLookupException()
    {
    }

    public AliasLookupException(string message)
        : base(message)
    {
    }

    public AliasLookupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
