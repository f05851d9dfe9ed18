namespace TacoMail.Schema.Routing;

/// <summary>
/// What happens to one recipient of one message: delivered, dropped or bounced, plus the case
/// where a bounce was due but the bounce policy withheld it (the mail is then dropped).
/// </summary>
public enum RecipientOutcome
{
    /// <summary>Delivered (or stored for the delivery step to decide).</summary>
    Deliver,

    /// <summary>Accepted and silently dropped.</summary>
    Drop,

    /// <summary>Refused with a bounce to the sender.</summary>
    Bounce,

    /// <summary>A bounce was due but is withheld (see <see cref="BounceSuppression"/>); dropped.</summary>
    BounceSuppressed,
}
