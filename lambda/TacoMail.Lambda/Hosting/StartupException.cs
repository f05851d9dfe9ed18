using TacoMail.Lambda.Runtime;

namespace TacoMail.Lambda.Hosting;

/// <summary>
/// The function cannot start: an unknown handler name, an invalid configuration (every problem
/// listed at once, so a deployment is fixed in one round), or a handler that failed to build. The
/// one exception of startup: the Runtime API host reports it as an init error typed by
/// <see cref="ErrorType"/>, <c>invoke</c> prints it.
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
        Problems = [message];
    }

    /// <summary>The init error's type, e.g. <see cref="RuntimeErrorTypes.ConfigInvalid"/>.</summary>
    public string ErrorType { get; }

    /// <summary>Each problem on its own, e.g. <c>TACOMAIL_TABLE is not set</c>.</summary>
    public IReadOnlyList<string> Problems { get; private init; }

    /// <summary>The configuration is invalid, for every reason in <paramref name="problems"/>.</summary>
    public static StartupException InvalidConfiguration(IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        return new StartupException(RuntimeErrorTypes.ConfigInvalid, $"Invalid configuration: {string.Join("; ", problems)}.")
        {
            Problems = problems,
        };
    }

    public RuntimeError ToRuntimeError() => new(ErrorType, Message);
}
