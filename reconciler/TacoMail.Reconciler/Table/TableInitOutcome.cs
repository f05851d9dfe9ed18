namespace TacoMail.Reconciler.Table;

/// <summary>What <c>init</c> did to the table.</summary>
internal enum TableInitOutcome
{
    /// <summary>The table did not exist and was created with all indexes.</summary>
    Created,

    /// <summary>The table existed with the expected keys and all indexes; nothing was changed.</summary>
    AlreadyUpToDate,

    /// <summary>The table existed; missing indexes were added.</summary>
    AddedIndexes,
}
