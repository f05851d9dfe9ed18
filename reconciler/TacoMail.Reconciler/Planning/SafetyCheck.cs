namespace TacoMail.Reconciler.Planning;

/// <summary>The kinds of destructive change the safety thresholds limit.</summary>
internal enum SafetyCheck
{
    /// <summary>Aliases deleted (renames do not count).</summary>
    Deletes,

    /// <summary>
    /// Aliases that leave the active state: paused or disabled (an alias that goes from paused to
    /// disabled was already not delivering and does not count again). Limited by
    /// <c>max_disable_percent</c>; the JSON plan keeps the name <c>disables</c>.
    /// </summary>
    Deactivations,
}
