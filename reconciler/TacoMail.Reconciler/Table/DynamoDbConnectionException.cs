namespace TacoMail.Reconciler.Table;

/// <summary>
/// An expected failure to connect to DynamoDB (bad endpoint, emulator problems). The message is
/// written for the user, so the CLI prints it without a stack trace.
/// </summary>
internal class DynamoDbConnectionException : TacoMailException
{
    public DynamoDbConnectionException()
    {
    }

    public DynamoDbConnectionException(string message)
        : base(message)
    {
    }

    public DynamoDbConnectionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
