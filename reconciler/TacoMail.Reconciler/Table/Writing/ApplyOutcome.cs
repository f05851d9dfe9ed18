namespace TacoMail.Reconciler.Table.Writing;

/// <summary>How a change ended up done.</summary>
internal enum ApplyOutcome
{
    /// <summary>This apply wrote it.</summary>
    Written,

    /// <summary>
    /// The item already was as desired when re-read after a failed condition (an earlier,
    /// interrupted apply or someone else did it), so nothing was written.
    /// </summary>
    AlreadyInPlace,
}
