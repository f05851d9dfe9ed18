namespace TacoMail.Lambda.Disposition;

/// <summary>Formats an exception for the log line's <c>errors</c>: type and message, no stack trace.</summary>
internal static class ErrorText
{
    public static string Of(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception is OperationCanceledException
            ? "timed out (deadline near) or cancelled"
            : $"{exception.GetType().Name}: {exception.Message}";
    }
}
