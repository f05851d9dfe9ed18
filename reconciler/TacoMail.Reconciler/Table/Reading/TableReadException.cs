namespace TacoMail.Reconciler.Table.Reading;

/// <summary>
/// The table could not be read (it does not exist, access was denied, DynamoDB is unreachable).
/// The message names the table and what to do, so the CLI prints it without a stack trace.
/// </summary>
internal sealed class TableReadException : TacoMailException
{
    public TableReadException()
    {
    }

    public TableReadException(string message)
        : base(message)
    {
    }

    public TableReadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The table does not exist: say how to create it.</summary>
    public static TableReadException Missing(string tableName, Exception innerException) =>
        new($"Table '{tableName}' does not exist: run 'tacomail init' to create it, or check --table and --region.", innerException);
}
