using TacoMail.Reconciler.Config.Sections;
using TacoMail.Schema.Settings;

namespace TacoMail.Reconciler.Config.Rules;

/// <summary>
/// Runs the rules that a JSON schema cannot express (declarations, addresses, duplicates across
/// files, moves) over every file, and builds the desired-state model when nothing is wrong.
/// </summary>
internal static class SemanticValidator
{
    /// <summary>Reports every problem to <paramref name="diagnostics"/>; returns the model only when there is no error.</summary>
    /// <param name="main">tacomail.yaml, or null when it is missing or unreadable.</param>
    /// <param name="domainFiles">Every domain file.</param>
    /// <param name="diagnostics">Where errors and warnings go.</param>
    /// <param name="now">The time of the load, against which an expiry that has passed is a warning.</param>
    public static TacoMailConfig? Validate(
        MainSection? main, IReadOnlyList<DomainSection> domainFiles, DiagnosticBag diagnostics, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(domainFiles);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var declarations = DeclarationRules.Check(main, diagnostics);
        var aliasRules = new AliasRules(declarations, diagnostics, now);
        var files = domainFiles.Select(section => (section, aliasRules.Check(section))).ToList();
        var moves = new MoveRules(aliasRules.Declared, diagnostics).Check(files);
        if (diagnostics.HasErrors || main?.TableName is null || declarations.Domains is null || declarations.Destinations is null)
        {
            return null;
        }

        return new TacoMailConfig(
            new TableSettings(main.TableName.Value, main.TableRegion?.Value),
            declarations.Domains,
            [.. declarations.Destinations.Select(destination => destination.Value)],
            new RoutingSettings(declarations.BounceSender, declarations.FeedbackAddress, declarations.Separators, declarations.Policy)
                with
            { QueueLifetime = declarations.QueueLifetime },
            main.Safety,
            [.. aliasRules.Aliases.OrderBy(alias => alias.Address)],
            moves);
    }
}
