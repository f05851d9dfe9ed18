namespace TacoMail.Smtp.Delivery;

/// <summary>What the delivery did for one recipient, as recorded in its envelope (<c>done</c>).</summary>
internal static class RecipientFate
{
    /// <summary>Handed to the smarthost for its e-mail destination.</summary>
    public const string Forwarded = "forwarded";

    /// <summary>The owner's reply through a reverse address, proven theirs, handed to the smarthost for the correspondent.</summary>
    public const string Replied = "replied";

    /// <summary>A queued delivery status notification handed to the smarthost for the sender it tells.</summary>
    public const string Notified = "notified";

    /// <summary>Filed in the Maildir (an <c>S3</c> destination, or the feedback address).</summary>
    public const string Filed = "filed";

    /// <summary>Not delivered because the alias is no longer active (as the Lambda's re-check): nothing to do.</summary>
    public const string Skipped = "skipped";

    /// <summary>Given up: the message is kept in <c>failed/</c>.</summary>
    public const string Failed = "failed";
}
