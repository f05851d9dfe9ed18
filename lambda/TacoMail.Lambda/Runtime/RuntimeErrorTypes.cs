namespace TacoMail.Lambda.Runtime;

/// <summary>
/// The <c>Category.Reason</c> error types Lambda recommends for init errors; they show in the
/// function's error and in CloudWatch, so operators can tell a typo from a broken build.
/// </summary>
internal static class RuntimeErrorTypes
{
    /// <summary>The handler name (<c>_HANDLER</c>) names no handler of this binary.</summary>
    public const string NoSuchHandler = "Runtime.NoSuchHandler";

    /// <summary>The function's environment variables are missing or invalid.</summary>
    public const string ConfigInvalid = "Runtime.ConfigInvalid";

    /// <summary>Startup failed for any other reason.</summary>
    public const string UnknownReason = "Runtime.UnknownReason";
}
