using TacoMail.Schema.Routing;

namespace TacoMail.Schema.Settings;

/// <summary>
/// The mail-path settings declared in <c>tacomail.yaml</c>, written by <c>apply</c> to the table's
/// settings item and read from there by both Lambda handlers and <c>tacomail route</c>, so one
/// YAML change reaches all of them without a redeploy.
/// </summary>
/// <param name="BounceSender">The From of bounces (<c>bounce_sender</c>); null: no bounce can be sent.</param>
/// <param name="FeedbackAddress">
/// Where SES sends bounce and complaint reports about forwards (<c>feedback_address</c>, which
/// defaults to <paramref name="BounceSender"/>). Mail to it is filed, never forwarded.
/// </param>
/// <param name="Separators">The sub-address separators.</param>
/// <param name="Policy">The spam and bounce policies.</param>
public sealed record RoutingSettings(
    string? BounceSender,
    string? FeedbackAddress,
    SubAddressSeparators Separators,
    MessagePolicy Policy)
{
    /// <summary>Postfix's <c>maximal_queue_lifetime</c> default: how long undeliverable mail is retried.</summary>
    public static readonly TimeSpan DefaultQueueLifetime = TimeSpan.FromDays(5);

    /// <summary>
    /// How long a message that cannot be delivered yet is retried before the sender is told and it
    /// moves to <c>failed/</c> (<c>queue_lifetime</c> in tacomail.yaml).
    /// </summary>
    public TimeSpan QueueLifetime { get; init; } = DefaultQueueLifetime;

    /// <summary>
    /// Whether <paramref name="lookup"/> is the feedback address: that exact address, sub-address
    /// and all. Mail to it is SES's reports about forwards, filed and never forwarded.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="lookup"/> is null.</exception>
    public bool IsFeedback(RecipientLookup lookup)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        return FeedbackAddress is { } address
            && RecipientNormalizer.TryNormalize(address, Separators, out var feedback)
            && feedback.WholeKey == lookup.WholeKey;
    }

    /// <summary>
    /// What a handler uses when the table holds no readable settings item: the default separators
    /// and spam policy, and no bounces at all (there is no bounce sender to send them from, and a
    /// bounce that cannot be vouched for is backscatter).
    /// </summary>
    public static RoutingSettings Fallback { get; } = new(null, null, SubAddressSeparators.Default, MessagePolicy.NeverBounce);
}
