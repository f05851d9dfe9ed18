namespace TacoMail.Testing.Npm;

/// <summary>A pinned npm package could not be installed; the message says what to fix.</summary>
public sealed class NpmException : Exception
{
    public NpmException()
    {
    }

    public NpmException(string message)
        : base(message)
    {
    }

    public NpmException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
