using TacoMail.Reconciler.Config.Yaml;
using TacoMail.Schema.Model;

namespace TacoMail.Reconciler.Config.Sections;

/// <summary>Reads a domain file's keys, leniently: anything of the wrong shape is left out (the schema reports it).</summary>
internal static class DomainSectionReader
{
    private const string DestinationKey = "destination";
    private const string StateKey = "state";
    private const string ExpiresKey = "expires";
    private const string ThenKey = "then";
    private const string DefaultDestinationKey = "default_destination";

    public static DomainSection Read(string path, SourceMapping root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var aliases = root.Find("aliases")?.Value is SourceMapping map
            ? map.Entries.Select(ReadAlias).ToList()
            : [];
        var moves = root.Find("moved")?.Value is SourceSequence list
            ? list.Items.OfType<SourceMapping>().Select(ReadMove).OfType<MoveEntry>().ToList()
            : [];
        return new DomainSection(
            path,
            root.FindString("domain"),
            root.FindString(DefaultDestinationKey),
            root.Find(DefaultDestinationKey) is not null,
            aliases,
            moves);
    }

    private static AliasEntry ReadAlias(SourceEntry entry)
    {
        if (entry.Value is SourceScalar { Kind: ScalarKind.Null })
        {
            return new AliasEntry(entry.Key, null, AliasState.Active, IsComplete: true);
        }

        if (entry.Value is not SourceMapping settings)
        {
            return new AliasEntry(entry.Key, null, AliasState.Active, IsComplete: false);
        }

        var destination = settings.FindString(DestinationKey);
        var stateText = settings.FindString(StateKey);
        var state = stateText is null ? AliasState.Active : ParseState(stateText.Value);
        var expires = settings.FindString(ExpiresKey);
        var then = settings.Find(ThenKey);
        var thenState = then is null ? AliasState.Disabled : ParseThen(settings.FindString(ThenKey)?.Value);
        var isComplete = settings.Entries.All(e => e.Key.Value is DestinationKey or StateKey or ExpiresKey or ThenKey) &&
            (settings.Find(DestinationKey) is null || destination is { Value.Length: > 0 }) &&
            (settings.Find(StateKey) is null || state is not null) &&
            (settings.Find(ExpiresKey) is null || expires is { Value.Length: > 0 }) &&
            (then is null || thenState is not null);
        return new AliasEntry(entry.Key, destination, state ?? AliasState.Active, isComplete, expires, then, thenState ?? AliasState.Disabled);
    }

    private static AliasState? ParseState(string text) => text switch
    {
        "active" => AliasState.Active,
        "paused" => AliasState.Paused,
        "disabled" => AliasState.Disabled,
        _ => null,
    };

    /// <summary>An expired alias stops receiving: <c>active</c> is no state to expire into.</summary>
    private static AliasState? ParseThen(string? text) => text switch
    {
        "paused" => AliasState.Paused,
        "disabled" => AliasState.Disabled,
        _ => null,
    };

    private static MoveEntry? ReadMove(SourceMapping entry) =>
        entry.FindString("from") is { Value.Length: > 0 } from && entry.FindString("to") is { Value.Length: > 0 } to
            ? new MoveEntry(entry, from, to)
            : null;
}
