namespace TacoMail.Reconciler.Table;

/// <summary>
/// The table could not be created or completed (wrong existing layout, access denied, busy). The
/// message is written for the user, so the CLI prints it without a stack trace.
/// </summary>
internal sealed class TableInitException : TacoMailException
{
    public TableInitException()
    {
    }

    public TableInitException(string message)
        : base(message)
    {
    }

    public TableInitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
