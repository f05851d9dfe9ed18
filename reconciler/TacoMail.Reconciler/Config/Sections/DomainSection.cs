using TacoMail.Reconciler.Config.Yaml;

namespace TacoMail.Reconciler.Config.Sections;

/// <summary>What one domain file says, still as YAML nodes (for positions).</summary>
/// <param name="Path">The file.</param>
/// <param name="Domain">domain, or null when missing or not text.</param>
/// <param name="DefaultDestination">default_destination, or null when missing or not text.</param>
/// <param name="HasDefaultDestinationKey">True when the key is present, even with a value the schema rejected.</param>
/// <param name="Aliases">The aliases in the order written.</param>
/// <param name="Moves">The well-formed moved entries in the order written.</param>
internal sealed record DomainSection(
    string Path,
    SourceScalar? Domain,
    SourceScalar? DefaultDestination,
    bool HasDefaultDestinationKey,
    IReadOnlyList<AliasEntry> Aliases,
    IReadOnlyList<MoveEntry> Moves);
