using TacoMail.Lambda.Events;
using TacoMail.Lambda.Ses;
using TacoMail.Schema.Routing;
using TacoMail.Schema.Settings;

namespace TacoMail.Lambda.Delivery;

/// <summary>
/// Tells the sender when a message is too large for SES to forward, rather than losing it in
/// silence: one SES <c>SendBounce</c> for every such recipient, under the same bounce policy as
/// the disposition (a forged sender gets nothing: backscatter). The message stays in S3 either way.
/// </summary>
internal sealed class OversizeBouncer
{
    private readonly ISesBounceSender _ses;

    public OversizeBouncer(ISesBounceSender ses)
    {
        ArgumentNullException.ThrowIfNull(ses);
        _ses = ses;
    }

    /// <exception cref="SesException">SES refused or could not be reached: the invocation is retried.</exception>
    /// <param name="message">The message.</param>
    /// <param name="targets">The aliases it was too large for.</param>
    /// <param name="settings">The declared settings: the bounce sender and the bounce policy.</param>
    /// <param name="cancellationToken">Cancels the SES call.</param>
    public async Task<OversizeBounce> BounceAsync(
        ReceivedMessage message, IReadOnlyList<DeliveryTarget> targets, RoutingSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(settings);
        var suppression = settings.Policy.BounceSuppressionFor(message.Facts);
        if (settings.BounceSender is not { } bounceSender)
        {
            return new OversizeBounce("bounce suppressed: no bounce sender configured", null);
        }

        if (suppression != BounceSuppression.None)
        {
            return new OversizeBounce($"bounce suppressed: {suppression.ToText()}", null);
        }

        var recipients = targets.SelectMany(t => t.Recipients).Distinct(StringComparer.Ordinal).ToList();
        var bounceId = await _ses.SendBounceAsync(new BounceRequest(message.MessageId, bounceSender, recipients), cancellationToken).ConfigureAwait(false);
        return new OversizeBounce("bounced to the sender", bounceId);
    }
}
