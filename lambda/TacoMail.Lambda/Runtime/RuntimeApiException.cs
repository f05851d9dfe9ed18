using System.Net;

namespace TacoMail.Lambda.Runtime;

/// <summary>
/// The Runtime API answered with a status the runtime cannot carry on from (a malformed request,
/// a payload too large, or Lambda's own failure, after which the runtime must exit).
/// </summary>
internal sealed class RuntimeApiException : Exception
{
    public RuntimeApiException()
    {
    }

    public RuntimeApiException(string message)
        : base(message)
    {
    }

    public RuntimeApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RuntimeApiException(string message, HttpStatusCode statusCode)
        : base(message) => StatusCode = statusCode;

    /// <summary>The status the API answered with, when it answered.</summary>
    public HttpStatusCode? StatusCode { get; }
}
