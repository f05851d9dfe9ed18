namespace TacoMail.Schema.Routing;

/// <summary>
/// What happens to a message SES judged spam or infected (verdict <c>FAIL</c>). One switch for
/// both verdicts: the only reason to turn it off is a destination that filters for itself.
/// </summary>
public enum SpamPolicy
{
    /// <summary>Drop the message for every recipient (the default).</summary>
    Drop,

    /// <summary>Ignore the spam and virus verdicts.</summary>
    Deliver,
}
