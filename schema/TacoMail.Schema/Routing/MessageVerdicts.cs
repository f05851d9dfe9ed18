namespace TacoMail.Schema.Routing;

/// <summary>
/// SES's verdicts on one received message, reduced to the two questions the routing rules ask:
/// is it spam or a virus, and did the envelope sender authenticate (and so may receive a bounce
/// without it being backscatter to a forged address)?
/// </summary>
public sealed record MessageVerdicts(
    VerdictStatus Spam,
    VerdictStatus Virus,
    VerdictStatus Spf,
    VerdictStatus Dkim,
    VerdictStatus Dmarc)
{
    /// <summary>No verdicts at all: not spam, not authenticated.</summary>
    public static MessageVerdicts None { get; } = new(
        VerdictStatus.Missing, VerdictStatus.Missing, VerdictStatus.Missing, VerdictStatus.Missing, VerdictStatus.Missing);

    /// <summary>
    /// SPF passed and DMARC did not fail (a missing DMARC verdict is not a failure). Only SPF
    /// vouches for the envelope sender, where a bounce goes: a DKIM pass proves only that some
    /// domain, possibly the sender's own, signed the message, and says nothing of MAIL FROM.
    /// </summary>
    public bool IsSenderAuthenticated => Spf == VerdictStatus.Pass && Dmarc != VerdictStatus.Fail;

    public bool IsSpam => Spam == VerdictStatus.Fail;

    public bool IsVirus => Virus == VerdictStatus.Fail;
}
