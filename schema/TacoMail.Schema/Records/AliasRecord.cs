using TacoMail.Schema.Model;

namespace TacoMail.Schema.Records;

/// <summary>
/// What one alias item in the table holds (docs/architecture.md section 3), in the terms the planner and the
/// Lambda reason with: the two stored booleans become one <see cref="AliasState"/>, the derived
/// attributes (<c>application</c>, <c>full_address</c>) are not kept because they are never
/// trusted on read and always recomputed on write.
/// </summary>
/// <remarks>
/// <para>
/// Unknown extra attributes on an item are ignored by the decoder, not preserved: the table is
/// owned by TacoMail alone. Differences from the canonical shape that the decoder tolerated are
/// recorded in <see cref="LegacyTraits"/>, which takes part in equality: a record read from a
/// legacy-shaped item is not equal to its canonical twin, so comparing whole records notices the
/// rewrite; compare <c>record with { LegacyTraits = LegacyTraits.None }</c> to ignore the shape.
/// </para>
/// <para>Throws <see cref="ArgumentException"/> on an empty key, destination or identifier, or an
/// undefined state.</para>
/// </remarks>
public sealed record AliasRecord
{
    public AliasRecord(
        ItemKey key,
        string destination,
        AliasState state,
        string identifier,
        long createdDatetime,
        long modifiedDatetime,
        long useCount)
    {
        Key = key;
        Destination = destination;
        State = state;
        Identifier = identifier;
        CreatedDatetime = createdDatetime;
        ModifiedDatetime = modifiedDatetime;
        UseCount = useCount;
    }

    /// <summary>The item's identity in the table.</summary>
    public ItemKey Key
    {
        get;
        init
        {
            if (value == default)
            {
                throw new ArgumentException("The key must not be the default value.", nameof(Key));
            }

            field = value;
        }
    }

    /// <summary><c>sub_domain</c>, exactly as stored.</summary>
    public string SubDomain => Key.SubDomain;

    /// <summary><c>alias_address</c>, exactly as stored.</summary>
    public string LocalPart => Key.LocalPart;

    /// <summary><c>local@domain</c>, derived from the keys (never read from the item).</summary>
    public string FullAddress => Key.FullAddress;

    /// <summary>An e-mail address, or <see cref="Table.TableContract.S3Destination"/>.</summary>
    public string Destination
    {
        get;
        init
        {
            ArgumentException.ThrowIfNullOrEmpty(value, nameof(Destination));
            field = value;
        }
    }

    public AliasState State
    {
        get;
        init
        {
            if (!Enum.IsDefined(value))
            {
                throw new ArgumentOutOfRangeException(nameof(State), value, "Undefined alias state.");
            }

            field = value;
        }
    }

    /// <summary>UUID set once on create; survives renames.</summary>
    public string Identifier
    {
        get;
        init
        {
            ArgumentException.ThrowIfNullOrEmpty(value, nameof(Identifier));
            field = value;
        }
    }

    /// <summary>Unix seconds, set once on create.</summary>
    public long CreatedDatetime { get; init; }

    /// <summary>Unix seconds of the last change to a reconciler-owned attribute.</summary>
    public long ModifiedDatetime { get; init; }

    /// <summary>Messages received; owned by the Lambda.</summary>
    public long UseCount { get; init; }

    /// <summary>
    /// Unix seconds of the last message received, set by the Lambda with each count; null when
    /// unknown (never used since usage was recorded, or an item from an earlier version).
    /// </summary>
    public long? LastUsedDatetime { get; init; }

    /// <summary>How the item this record was read from differs from the canonical shape.</summary>
    public LegacyTraits LegacyTraits { get; init; }

    /// <summary>True when the item should be rewritten to the canonical shape.</summary>
    public bool HasLegacyShape => LegacyTraits != LegacyTraits.None;
}
