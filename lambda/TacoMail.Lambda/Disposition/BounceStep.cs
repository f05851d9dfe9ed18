using TacoMail.Lambda.Events;
using TacoMail.Lambda.Runtime;
using TacoMail.Lambda.Ses;
using TacoMail.Schema.Routing;

namespace TacoMail.Lambda.Disposition;

/// <summary>
/// Sends the message's one bounce, listing every bounced recipient as received. The policy has
/// already decided whether bouncing is allowed (<see cref="RecipientOutcome.BounceSuppressed"/>);
/// this step only reports suppression and never lets an SES failure escape.
/// </summary>
internal sealed class BounceStep
{
    private readonly ISesBounceSender _ses;

    public BounceStep(ISesBounceSender ses)
    {
        ArgumentNullException.ThrowIfNull(ses);
        _ses = ses;
    }

    /// <summary>Sends the bounce from the declared <c>bounce_sender</c> (null when none is declared: nothing is sent).</summary>
    /// <returns>Null when no recipient was to be bounced.</returns>
    public async Task<BounceResult?> RunAsync(
        ReceivedMessage message,
        IReadOnlyList<RecipientResult> recipients,
        string? bounceSender,
        InvocationDeadline deadline)
    {
        var bounced = recipients
            .Where(r => r.Decision?.Outcome == RecipientOutcome.Bounce)
            .Select(r => r.Recipient)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (bounced.Count == 0)
        {
            return Suppressed(recipients);
        }

        if (bounceSender is null)
        {
            return new BounceResult(BounceStatus.Failed, bounced.Count, null, "no bounce sender configured");
        }

        if (!deadline.AllowsCall)
        {
            return new BounceResult(BounceStatus.Skipped, bounced.Count, null, $"deadline near ({deadline.Describe()})");
        }

        try
        {
            var request = new BounceRequest(message.MessageId, bounceSender, bounced);
            var bounceId = await _ses.SendBounceAsync(request, deadline.Token).ConfigureAwait(false);
            return new BounceResult(BounceStatus.Sent, bounced.Count, bounceId, null);
        }
        catch (Exception ex)
        {
            // Fail-safe: an SES error must not lose the message; it is stored and re-checked.
            return new BounceResult(BounceStatus.Failed, bounced.Count, null, ErrorText.Of(ex));
        }
    }

    private static BounceResult? Suppressed(IReadOnlyList<RecipientResult> recipients)
    {
        var suppressed = recipients.Where(r => r.Decision?.Outcome == RecipientOutcome.BounceSuppressed).ToList();
        return suppressed.Count == 0
            ? null
            : new BounceResult(
                BounceStatus.Suppressed,
                suppressed.Count,
                null,
                $"bounce suppressed: {suppressed[0].Decision!.Suppression.ToText()}");
    }
}
