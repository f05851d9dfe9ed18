namespace TacoMail.Lambda.Hosting;

/// <summary>
/// The exit codes of the <c>bootstrap</c> process, fewer than the CLI's: Lambda only tells zero
/// from non-zero, and restarts an environment whose runtime exits non-zero.
/// </summary>
internal static class BootstrapExitCodes
{
    public const int Ok = 0;

    /// <summary>Startup failed, the Runtime API failed, or <c>invoke</c> could not produce a response.</summary>
    public const int Error = 1;
}
