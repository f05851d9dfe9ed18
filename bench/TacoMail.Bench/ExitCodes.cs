namespace TacoMail.Bench;

/// <summary>The benchmark's exit codes, so a build script can fail on a broken run.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Error = 1;
}
