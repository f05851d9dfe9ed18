namespace TacoMail.Testing.S3;

/// <summary>s3rver could not be installed or started; the message says what to fix.</summary>
public sealed class S3rverException : Exception
{
    public S3rverException()
    {
    }

    public S3rverException(string message)
        : base(message)
    {
    }

    public S3rverException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
