namespace TacoMail.MailPath.Recipients;

/// <summary>How the table lookup for one recipient went (logged as <c>lookup</c>).</summary>
public enum LookupStatus
{
    /// <summary>An alias item was found and decoded.</summary>
    Found,

    /// <summary>No item for the address.</summary>
    NotFound,

    /// <summary>An item was found but could not be decoded.</summary>
    Unreadable,

    /// <summary>The recipient is not an address that could name an alias; not looked up.</summary>
    InvalidAddress,

    /// <summary>The lookup call failed; the message is stored (fail-safe).</summary>
    Failed,

    /// <summary>The lookup was not attempted (deadline near); the message is stored (fail-safe).</summary>
    Skipped,

    /// <summary>The feedback address of the declared settings: never an alias, filed in the mailbox.</summary>
    Feedback,

    /// <summary>A reverse address: its item and the item of its alias were found and decoded.</summary>
    Reverse,
}
