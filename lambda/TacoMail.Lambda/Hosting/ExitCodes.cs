namespace TacoMail.Lambda.Hosting;

/// <summary>The process's exit codes; Lambda restarts an environment whose runtime exits non-zero.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>Startup failed, the Runtime API failed, or <c>invoke</c> could not produce a response.</summary>
    public const int Error = 1;
}
