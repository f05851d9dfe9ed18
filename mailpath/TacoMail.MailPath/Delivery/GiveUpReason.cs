namespace TacoMail.MailPath.Delivery;

/// <summary>Why TacoMail stops trying to deliver a message to some recipients.</summary>
public enum GiveUpReason
{
    /// <summary>Too large for SES to send (<c>MessageTooLarge</c>, status 5.3.4).</summary>
    TooLarge,

    /// <summary>SES refused it for good (<c>ContentRejected</c>, status 5.0.0).</summary>
    Rejected,

    /// <summary>Still undeliverable after the queue lifetime (<c>TemporaryFailure</c>, status 4.4.7).</summary>
    Expired,
}
