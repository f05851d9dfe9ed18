using TacoMail.Schema.Routing;
using TacoMail.Schema.Settings;

namespace TacoMail.Reconciler.Routing;

/// <summary>
/// Says in words which bounce rule holds for mail to a disabled or unknown address: for one
/// message when its envelope sender is known (<c>--from</c>), else the rule itself. A bounce to a
/// forged sender is backscatter, which gets the SES account suspended; so the text always says
/// why a bounce is sent or withheld.
/// </summary>
internal static class BounceExplanation
{
    public const string Rule =
        "bounce (DoesNotExist) only when SPF passed and DMARC did not fail; never to <>, MAILER-DAEMON, postmaster, " +
        "Auto-Submitted, Precedence bulk/junk/list or List-Id mail; otherwise dropped";

    private const string Exceptions =
        "never to <>, MAILER-DAEMON, postmaster, Auto-Submitted, Precedence bulk/junk/list or List-Id mail, which is dropped";

    /// <summary>The outcome for <paramref name="message"/>, or the rule when it is null.</summary>
    public static string Describe(RoutingSettings routing, MessageFacts? message)
    {
        ArgumentNullException.ThrowIfNull(routing);
        var policy = routing.Policy;
        if (routing.BounceSender is null && policy.Bounce != BouncePolicy.Never)
        {
            return "no bounce, dropped: no bounce_sender is set, so there is no address to bounce from";
        }

        if (message is null)
        {
            return policy.Bounce switch
            {
                BouncePolicy.Never => "no bounce, dropped: bounce_policy is never",
                BouncePolicy.Always => $"bounce (DoesNotExist) to the envelope sender (bounce_policy always), {Exceptions}",
                _ => Rule,
            } + "; give --from SENDER (with --spf, --dmarc, --header) to see which rule holds for a message";
        }

        var suppression = policy.BounceSuppressionFor(message);
        if (suppression == BounceSuppression.None)
        {
            var why = policy.Bounce == BouncePolicy.Always ? "bounce_policy always" : "SPF passed, DMARC did not fail";
            return $"bounce to {Sender(message)} ({why})";
        }

        var detail = suppression == BounceSuppression.SenderNotAuthenticated
            ? $" (SPF {message.Verdicts.Spf.ToName()}, DMARC {message.Verdicts.Dmarc.ToName()}: a bounce needs SPF PASS and DMARC not FAIL)"
            : string.Empty;
        return $"no bounce, dropped: {suppression.ToText()}{detail}";
    }

    private static string Sender(MessageFacts message) =>
        string.IsNullOrWhiteSpace(message.EnvelopeSender) ? "<>" : message.EnvelopeSender.Trim();
}
