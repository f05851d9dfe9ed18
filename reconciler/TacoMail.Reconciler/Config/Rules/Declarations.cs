using TacoMail.Schema.Addresses;
using TacoMail.Schema.Routing;
using TacoMail.Schema.Settings;

namespace TacoMail.Reconciler.Config.Rules;

/// <summary>
/// The valid entries of tacomail.yaml's lists. A null list means "unknown" (tacomail.yaml is
/// missing or the list was rejected), and the rules that check against it are skipped rather
/// than reporting every alias.
/// </summary>
/// <param name="Domains">The valid, distinct declared domains in the order written.</param>
/// <param name="Destinations">The valid, distinct declared destinations in the order written.</param>
/// <param name="BounceSender">The normalised bounce sender, or null.</param>
/// <param name="FeedbackAddress">The normalised feedback address (<c>feedback_address</c>, else the bounce sender), or null.</param>
/// <param name="Separators">The sub-address separators (the default when not given or rejected).</param>
/// <param name="Policy">The spam and bounce policies (defaults for missing or rejected words).</param>
/// <param name="QueueLifetime">How long undeliverable mail is retried (the default when not given or rejected).</param>
internal sealed record Declarations(
    IReadOnlyList<DomainName>? Domains,
    IReadOnlyList<DestinationAddress>? Destinations,
    string? BounceSender,
    string? FeedbackAddress,
    SubAddressSeparators Separators,
    MessagePolicy Policy,
    TimeSpan QueueLifetime)
{
    public static Declarations Unknown { get; } = new(
        null, null, null, null, SubAddressSeparators.Default, MessagePolicy.Default, RoutingSettings.DefaultQueueLifetime);
}
