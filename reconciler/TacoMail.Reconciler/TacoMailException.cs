namespace TacoMail.Reconciler;

/// <summary>
/// A failure the user can act on (missing Java, a table with the wrong keys, a held lock). The
/// CLI prints its message without a stack trace, so the message must say what to do.
/// </summary>
public class TacoMailException : Exception
{
    public TacoMailException()
    {
    }

    public TacoMailException(string message)
        : base(message)
    {
    }

    public TacoMailException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
