namespace TacoMail.Schema.Routing;

/// <summary>
/// When a disabled or unknown recipient is bounced. Bouncing to a forged sender is backscatter:
/// it lands on an innocent address and raises the SES account's bounce rate until AWS suspends
/// it, so the default bounces only to senders that authenticated.
/// </summary>
public enum BouncePolicy
{
    /// <summary>Bounce only when SPF passed and DMARC did not fail (the default).</summary>
    Authenticated,

    /// <summary>Bounce whatever the authentication verdicts say (never to the senders of <see cref="BackscatterRules"/>).</summary>
    Always,

    /// <summary>Never bounce; drop instead.</summary>
    Never,
}
