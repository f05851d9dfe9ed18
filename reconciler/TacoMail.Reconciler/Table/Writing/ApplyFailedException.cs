namespace TacoMail.Reconciler.Table.Writing;

/// <summary>
/// An apply stopped before the end — a write failed, or it was cancelled (Ctrl-C, a lost lock).
/// Carries what was already done, so the user learns exactly what changed; the cause is the
/// inner exception. Running apply again is safe: it reads the table afresh and converges.
/// </summary>
internal sealed class ApplyFailedException : TacoMailException
{
    public ApplyFailedException(ApplyResult partial, int planned, Exception cause)
        : base(Describe(partial, planned, cause), cause)
    {
        ArgumentNullException.ThrowIfNull(partial);
        Partial = partial;
        Planned = planned;
    }

    /// <summary>The changes done before the apply stopped.</summary>
    public ApplyResult Partial { get; }

    /// <summary>How many changes the plan held (configuration items included).</summary>
    public int Planned { get; }

    /// <summary>True when the apply stopped because its token was cancelled rather than because a write failed.</summary>
    public bool WasCancelled => InnerException is OperationCanceledException;

    private static string Describe(ApplyResult partial, int planned, Exception cause)
    {
        ArgumentNullException.ThrowIfNull(partial);
        ArgumentNullException.ThrowIfNull(cause);
        var why = cause is OperationCanceledException ? "apply was cancelled" : $"apply failed: {cause.Message.TrimEnd('.')}";
        return $"{why}. {partial.Total} of {planned} changes were made before it stopped ({partial.Describe()}). "
            + "Running apply again continues from the table as it is now.";
    }
}
