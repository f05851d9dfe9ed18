using TacoMail.Reconciler.Config.Yaml;
using TacoMail.Schema.Model;

namespace TacoMail.Reconciler.Config.Sections;

/// <summary>Reads a domain file's keys, leniently: anything of the wrong shape is left out (the schema reports it).</summary>
internal static class DomainSectionReader
{
    private const string DestinationKey = "destination";
    private const string StateKey = "state";
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
        var isComplete = settings.Entries.All(e => e.Key.Value is DestinationKey or StateKey) &&
            (settings.Find(DestinationKey) is null || destination is { Value.Length: > 0 }) &&
            (settings.Find(StateKey) is null || state is not null);
        return new AliasEntry(entry.Key, destination, state ?? AliasState.Active, isComplete);
    }

    private static AliasState? ParseState(string text) => text switch
    {
        "active" => AliasState.Active,
        "paused" => AliasState.Paused,
        "disabled" => AliasState.Disabled,
        _ => null,
    };

    private static MoveEntry? ReadMove(SourceMapping entry) =>
        entry.FindString("from") is { Value.Length: > 0 } from && entry.FindString("to") is { Value.Length: > 0 } to
            ? new MoveEntry(entry, from, to)
            : null;
}
