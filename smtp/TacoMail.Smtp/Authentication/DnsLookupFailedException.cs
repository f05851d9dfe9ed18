namespace TacoMail.Smtp.Authentication;

/// <summary>
/// A DNS query got no usable answer (SERVFAIL, REFUSED, a timeout, an unreachable server): the
/// checks report it as <c>PROCESSING_FAILED</c>, a temporary error, never as the sender's fault.
/// </summary>
internal sealed class DnsLookupFailedException : Exception
{
    public DnsLookupFailedException()
    {
    }

    public DnsLookupFailedException(string message)
        : base(message)
    {
    }

    public DnsLookupFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
