using TacoMail.Lambda.Events;
using TacoMail.Lambda.Ses;
using TacoMail.Schema.Routing;

namespace TacoMail.Lambda.Delivery;

/// <summary>
/// Tells the sender when a message is too large for SES to forward, rather than losing it in
/// silence: one SES <c>SendBounce</c> for every such recipient, under the same bounce policy as
/// the disposition (a forged sender gets nothing: backscatter). The message stays in S3 either way.
/// </summary>
internal sealed class OversizeBouncer
{
    private readonly ISesBounceSender _ses;
    private readonly MessagePolicy _policy;
    private readonly string? _bounceSender;

    public OversizeBouncer(ISesBounceSender ses, MessagePolicy policy, string? bounceSender)
    {
        ArgumentNullException.ThrowIfNull(ses);
        ArgumentNullException.ThrowIfNull(policy);
        _ses = ses;
        _policy = policy;
        _bounceSender = bounceSender;
    }

    /// <exception cref="SesException">SES refused or could not be reached: the invocation is retried.</exception>
    public async Task<OversizeBounce> BounceAsync(
        ReceivedMessage message, IReadOnlyList<DeliveryTarget> targets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(targets);
        var suppression = _policy.BounceSuppressionFor(message.Facts);
        if (_bounceSender is null)
        {
            return new OversizeBounce("bounce suppressed: no bounce sender configured", null);
        }

        if (suppression != BounceSuppression.None)
        {
            return new OversizeBounce($"bounce suppressed: {suppression.ToText()}", null);
        }

        var recipients = targets.SelectMany(t => t.Recipients).Distinct(StringComparer.Ordinal).ToList();
        var bounceId = await _ses.SendBounceAsync(new BounceRequest(message.MessageId, _bounceSender, recipients), cancellationToken);
        return new OversizeBounce("bounced to the sender", bounceId);
    }
}
