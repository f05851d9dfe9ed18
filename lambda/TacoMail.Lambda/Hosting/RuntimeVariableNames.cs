namespace TacoMail.Lambda.Hosting;

/// <summary>
/// The variables only the Lambda host reads: where the Runtime API is and which handler to serve.
/// The explicit <see cref="HandlerOverride"/> wins over Lambda's <see cref="Handler"/>, which on a
/// custom runtime is only the function's free-form Handler setting. The variables the CLI reads
/// too are <see cref="Schema.Settings.EnvironmentVariableNames"/>.
/// </summary>
internal static class RuntimeVariableNames
{
    /// <summary><c>host:port</c> of the Runtime API; set only inside Lambda (or an emulator).</summary>
    public const string RuntimeApi = "AWS_LAMBDA_RUNTIME_API";

    /// <summary>Lambda's copy of the function's Handler setting.</summary>
    public const string Handler = "_HANDLER";

    /// <summary>Our own handler selector, for functions whose Handler setting is used otherwise.</summary>
    public const string HandlerOverride = "TACOMAIL_HANDLER";
}
