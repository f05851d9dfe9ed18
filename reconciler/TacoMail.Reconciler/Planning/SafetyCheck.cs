namespace TacoMail.Reconciler.Planning;

/// <summary>The kinds of destructive change the safety thresholds limit.</summary>
internal enum SafetyCheck
{
    /// <summary>Aliases deleted (renames do not count).</summary>
    Deletes,

    /// <summary>Aliases that were not disabled and will be.</summary>
    Disables,
}
