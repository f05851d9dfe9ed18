namespace TacoMail.Lambda.Hosting;

/// <summary>
/// The environment variables that select the Runtime API and the handler. The explicit
/// <see cref="HandlerOverride"/> wins over Lambda's <see cref="Handler"/>, which on a custom
/// runtime is only the function's free-form Handler setting.
/// </summary>
internal static class HandlerEnvironment
{
    /// <summary><c>host:port</c> of the Runtime API; set only inside Lambda (or an emulator).</summary>
    public const string RuntimeApi = "AWS_LAMBDA_RUNTIME_API";

    /// <summary>Lambda's copy of the function's Handler setting.</summary>
    public const string Handler = "_HANDLER";

    /// <summary>Our own handler selector, for functions whose Handler setting is used otherwise.</summary>
    public const string HandlerOverride = "TACOMAIL_HANDLER";

    public static string? HandlerName(IEnvironmentVariables environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var name = environment.Get(HandlerOverride);
        return string.IsNullOrWhiteSpace(name) ? environment.Get(Handler) : name;
    }
}
