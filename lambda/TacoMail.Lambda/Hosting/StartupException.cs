using TacoMail.Lambda.Runtime;

namespace TacoMail.Lambda.Hosting;

/// <summary>
/// The function cannot start: unknown handler name or invalid configuration. The Runtime API host
/// reports it as an init error (typed by <see cref="ErrorType"/>), <c>invoke</c> prints it.
/// </summary>
internal sealed class StartupException : Exception
{
    public StartupException()
        : this(RuntimeErrorTypes.UnknownReason, "The function could not start.")
    {
    }

    public StartupException(string message)
        : this(RuntimeErrorTypes.ConfigInvalid, message)
    {
    }

    public StartupException(string message, Exception innerException)
        : this(RuntimeErrorTypes.ConfigInvalid, message, innerException)
    {
    }

    /// <param name="errorType">One of <see cref="RuntimeErrorTypes"/>.</param>
    /// <param name="message">What to fix, for the operator.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public StartupException(string errorType, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentException.ThrowIfNullOrEmpty(errorType);
        ErrorType = errorType;
    }

    /// <summary>The init error's type, e.g. <see cref="RuntimeErrorTypes.ConfigInvalid"/>.</summary>
    public string ErrorType { get; }

    public RuntimeError ToRuntimeError() => new(ErrorType, Message);
}
