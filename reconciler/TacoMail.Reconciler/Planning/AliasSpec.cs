using TacoMail.Schema.Model;
using TacoMail.Schema.Records;

namespace TacoMail.Reconciler.Planning;

/// <summary>
/// The part of an alias the YAML decides: its address, destination and state. Desired aliases
/// are only this; an alias read from the table projects to it with <see cref="Of"/>, so that both
/// sides of the diff are compared as the same kind of object.
/// </summary>
internal sealed record AliasSpec(ItemKey Key, string Destination, AliasState State)
{
    public static AliasSpec Of(AliasRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new AliasSpec(record.Key, record.Destination, record.State);
    }
}
