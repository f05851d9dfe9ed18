using TacoMail.Schema.Addresses;

namespace TacoMail.Reconciler.Config.Rules;

/// <summary>
/// The valid entries of tacomail.yaml's lists. A null list means "unknown" (tacomail.yaml is
/// missing or the list was rejected), and the rules that check against it are skipped rather
/// than reporting every alias.
/// </summary>
/// <param name="Domains">The valid, distinct declared domains in the order written.</param>
/// <param name="Destinations">The valid, distinct declared destinations in the order written.</param>
/// <param name="BounceSender">The normalised bounce sender, or null.</param>
internal sealed record Declarations(
    IReadOnlyList<DomainName>? Domains,
    IReadOnlyList<DestinationAddress>? Destinations,
    string? BounceSender)
{
    public static Declarations Unknown { get; } = new(null, null, null);
}
