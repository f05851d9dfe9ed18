namespace TacoMail.Reconciler.Table.Local;

/// <summary>
/// An expected failure to install or run DynamoDB Local (no npm, no Java, emulator would not
/// start). The message is written for the user, so the CLI prints it without a stack trace.
/// </summary>
internal sealed class DynamoDbLocalException : DynamoDbConnectionException
{
    public DynamoDbLocalException()
    {
    }

    public DynamoDbLocalException(string message)
        : base(message)
    {
    }

    public DynamoDbLocalException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
