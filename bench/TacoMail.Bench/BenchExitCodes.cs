namespace TacoMail.Bench;

/// <summary>The benchmark's exit codes (not the CLI's), so a build script can fail on a broken run.</summary>
internal static class BenchExitCodes
{
    public const int Ok = 0;
    public const int Error = 1;
}
