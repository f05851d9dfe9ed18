namespace TacoMail.Schema.Routing;

/// <summary>Why a recipient got its <see cref="RecipientOutcome"/>, for logs and explanations.</summary>
public enum OutcomeReason
{
    /// <summary>The alias is active.</summary>
    Active,

    /// <summary>The alias is paused.</summary>
    Paused,

    /// <summary>The alias is disabled.</summary>
    Disabled,

    /// <summary>No alias has this address.</summary>
    Unknown,

    /// <summary>The recipient is not a usable address.</summary>
    InvalidAddress,

    /// <summary>The alias's item could not be read; stored so that the delivery step decides.</summary>
    Unreadable,

    /// <summary>SES judged the message spam.</summary>
    Spam,

    /// <summary>SES found a virus in the message.</summary>
    Virus,

    /// <summary>The feedback address: filed in the mailbox, never forwarded.</summary>
    Feedback,

    /// <summary>A reply through a reverse address of an active alias.</summary>
    Reply,

    /// <summary>A reply through a reverse address whose alias is not active.</summary>
    ReplyStopped,
}
