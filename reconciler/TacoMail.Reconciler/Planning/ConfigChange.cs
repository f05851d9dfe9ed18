using System.Collections.Immutable;
using TacoMail.Schema.Records;

namespace TacoMail.Reconciler.Planning;

/// <summary>
/// A planned change to one of the reserved <c>tacomail-config</c> items (<c>sub_domains</c>,
/// <c>destinations</c>). <see cref="Before"/> is null when the item does not exist yet; an empty
/// <see cref="After"/> removes the attribute, since DynamoDB has no empty set.
/// </summary>
internal sealed record ConfigChange(
    ChangeAction Action,
    ConfigSetKind Kind,
    ImmutableSortedSet<string>? Before,
    ImmutableSortedSet<string> After)
{
    public IEnumerable<string> Added => After.Except(Before ?? []);

    public IEnumerable<string> Removed => (Before ?? []).Except(After);
}
