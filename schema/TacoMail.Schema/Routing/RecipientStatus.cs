namespace TacoMail.Schema.Routing;

/// <summary>
/// What the table says about one recipient: an alias state, or one of the ways the answer can be
/// missing. Kept apart from <see cref="Model.AliasState"/> because "unknown" and "unreadable"
/// must lead to different outcomes (bounce versus fail-safe delivery).
/// </summary>
public enum RecipientStatus
{
    /// <summary>An active alias.</summary>
    Active,

    /// <summary>A paused alias.</summary>
    Paused,

    /// <summary>A disabled alias.</summary>
    Disabled,

    /// <summary>No item for the address.</summary>
    Unknown,

    /// <summary>The recipient is not an address that could name an alias.</summary>
    InvalidAddress,

    /// <summary>An item exists but could not be decoded (hand-edited or damaged).</summary>
    Unreadable,

    /// <summary>
    /// The feedback address: SES's bounce and complaint reports about forwards. Never an alias and
    /// never forwarded (that would loop); filed in the mailbox.
    /// </summary>
    Feedback,

    /// <summary>
    /// A reverse address whose alias is active: the owner's reply, which the delivery step sends
    /// from the alias once it has checked that the owner sent it.
    /// </summary>
    Reply,

    /// <summary>A reverse address whose alias is paused, disabled or gone: the reply is dropped, never bounced.</summary>
    ReplyStopped,
}
