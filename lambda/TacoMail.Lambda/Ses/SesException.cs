namespace TacoMail.Lambda.Ses;

/// <summary>SES refused a request or could not be reached; <see cref="Code"/> is SES's error code when it sent one.</summary>
public sealed class SesException : Exception
{
    public SesException()
    {
    }

    public SesException(string message)
        : base(message)
    {
    }

    public SesException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SesException(string message, string? code, int? statusCode, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
        StatusCode = statusCode;
    }

    public string? Code { get; }

    public int? StatusCode { get; }
}
