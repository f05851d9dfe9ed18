namespace TacoMail.Schema.Routing;

/// <summary>
/// The result of one of SES's checks on a received message (spam, virus, SPF, DKIM, DMARC).
/// <see cref="Missing"/> covers a verdict SES did not send or a value it may add later, so that
/// an unexpected verdict never reads as <see cref="Pass"/> or <see cref="Fail"/>.
/// </summary>
public enum VerdictStatus
{
    /// <summary>Absent, or a value this version does not know.</summary>
    Missing,

    /// <summary><c>PASS</c>.</summary>
    Pass,

    /// <summary><c>FAIL</c>.</summary>
    Fail,

    /// <summary><c>GRAY</c>: SES could not decide.</summary>
    Gray,

    /// <summary><c>PROCESSING_FAILED</c>: SES's check itself failed.</summary>
    ProcessingFailed,

    /// <summary><c>DISABLED</c>: the check is switched off for the receipt rule.</summary>
    Disabled,
}
