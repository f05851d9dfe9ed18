namespace TacoMail.Reconciler.Mailbox;

/// <summary>What happened to one message in a fetch run.</summary>
internal enum FetchOutcome
{
    /// <summary>Delivered into <c>new/</c> and deleted from the store.</summary>
    Fetched,

    /// <summary>The Maildir already had it (an earlier run was interrupted); only deleted from the store.</summary>
    AlreadyPresent,

    /// <summary>Not delivered (download or write failed); it stays in the store for the next run.</summary>
    Failed,

    /// <summary>In the Maildir, but deleting it from the store failed; the next run deletes it.</summary>
    NotDeleted,
}
