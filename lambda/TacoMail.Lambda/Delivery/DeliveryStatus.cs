namespace TacoMail.Lambda.Delivery;

/// <summary>What became of one alias (or one recipient that is not delivered to) in this invocation.</summary>
internal enum DeliveryStatus
{
    /// <summary>Sent through SES to its e-mail destination.</summary>
    Forwarded,

    /// <summary>The owner's reply, sent through SES from the alias to the correspondent of a reverse address.</summary>
    Replied,

    /// <summary>Copied into the mailbox (destination <c>S3</c>).</summary>
    Filed,

    /// <summary>Done by an earlier invocation of the same event; nothing sent again.</summary>
    AlreadyDone,

    /// <summary>Not to be delivered now (paused, disabled, unknown, spam, …): the re-check says so.</summary>
    Skipped,

    /// <summary>Refused for good (SES rejected it, or it cannot be rewritten); the message is kept in S3.</summary>
    Rejected,

    /// <summary>Over SES's size limit: bounced to the sender (or not, by the bounce policy); the message is kept.</summary>
    TooLarge,

    /// <summary>
    /// Not forwarded because the message already passed through TacoMail for this alias, or through
    /// too many TacoMail hops (<see cref="MailPath.Messages.LoopRule"/>); the message is kept in S3.
    /// </summary>
    Looped,

    /// <summary>The alias could not be decided (unreadable item, invalid destination); the message is kept for a retry.</summary>
    Unresolved,
}
