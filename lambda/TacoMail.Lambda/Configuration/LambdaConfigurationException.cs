namespace TacoMail.Lambda.Configuration;

/// <summary>
/// The environment does not configure the function: thrown once at start, listing every problem,
/// so that a deployment is fixed in one round rather than one variable at a time.
/// </summary>
public sealed class LambdaConfigurationException : Exception
{
    public LambdaConfigurationException()
        : this([])
    {
    }

    public LambdaConfigurationException(string message)
        : base(message)
    {
        Problems = [message];
    }

    public LambdaConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    public LambdaConfigurationException(IReadOnlyList<string> problems)
        : base($"Invalid configuration: {string.Join("; ", problems ?? [])}.")
    {
        Problems = problems ?? [];
    }

    /// <summary>Each problem on its own, e.g. <c>TACOMAIL_TABLE is not set</c>.</summary>
    public IReadOnlyList<string> Problems { get; }
}
