namespace TacoMail.Lambda.Runtime;

/// <summary>
/// Lambda's standard error document (<c>errorMessage</c>, <c>errorType</c>, <c>stackTrace</c>),
/// what a caller of the function sees when an invocation or the init phase fails.
/// </summary>
/// <param name="ErrorType">A short type, also sent as <c>Lambda-Runtime-Function-Error-Type</c>.</param>
/// <param name="ErrorMessage">What went wrong, for a human.</param>
/// <param name="StackTrace">Frames, one a line; empty when there are none.</param>
internal sealed record RuntimeError(string ErrorType, string ErrorMessage, IReadOnlyList<string> StackTrace)
{
    /// <summary>An error with no stack trace (startup failures the runtime itself detects).</summary>
    public RuntimeError(string errorType, string errorMessage)
        : this(errorType, errorMessage, [])
    {
    }

    /// <summary>The error for an exception a handler threw, typed by the exception's class name.</summary>
    public static RuntimeError FromException(Exception exception) => FromException(exception.GetType().Name, exception);

    /// <summary>The error for an exception, with an explicit type (e.g. <see cref="RuntimeErrorTypes"/>).</summary>
    public static RuntimeError FromException(string errorType, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var frames = (exception.StackTrace ?? string.Empty)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new RuntimeError(errorType, exception.Message, frames);
    }
}
