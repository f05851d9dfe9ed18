namespace TacoMail.Reconciler.Cli;

/// <summary>The CLI's exit codes (the README's CLI section); CI scripts depend on them.</summary>
internal static class ExitCodes
{
    /// <summary>Success, or a plan with no changes.</summary>
    public const int Ok = 0;

    /// <summary>Validation errors, a stale plan, a refused apply, a held lock, or any failure.</summary>
    public const int Error = 1;

    /// <summary>The plan has changes (only with <c>--detailed-exitcode</c>).</summary>
    public const int Changes = 2;
}
