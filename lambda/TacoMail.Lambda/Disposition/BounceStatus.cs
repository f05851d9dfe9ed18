namespace TacoMail.Lambda.Disposition;

/// <summary>What became of a due bounce.</summary>
internal enum BounceStatus
{
    /// <summary>SES accepted the bounce.</summary>
    Sent,

    /// <summary>Withheld by the bounce policy; the recipients are dropped.</summary>
    Suppressed,

    /// <summary>SES (or the configuration) failed; the message is stored instead (fail-safe).</summary>
    Failed,

    /// <summary>Not attempted because the deadline was near; the message is stored instead (fail-safe).</summary>
    Skipped,
}
