using TacoMail.Reconciler.Config.Rules;
using TacoMail.Reconciler.Config.Sections;
using TacoMail.Reconciler.Config.Validation;
using TacoMail.Reconciler.Config.Yaml;
using TacoMail.Reconciler.Diagnostics;

namespace TacoMail.Reconciler.Config;

/// <summary>
/// Turns a config directory into the validated desired state, or into the list of every
/// problem in it: YAML syntax, schema, then the semantic rules across all files. Each problem is
/// a <see cref="Diagnostic"/> pointing at the offending YAML node; nothing is thrown for a bad
/// configuration, so <c>tacomail validate</c> can report all of them in one run.
/// </summary>
/// <param name="time">
/// The clock that tells whether an alias's <c>expires</c> has passed (a warning, not an error):
/// the CLI's <see cref="TimeProvider"/>, the one the planner is given too, so a test sets both.
/// </param>
internal sealed class ConfigLoader(TimeProvider time)
{
    private ConfigSchema? _schema;

    /// <exception cref="ArgumentNullException"><paramref name="directory"/> is null.</exception>
    /// <exception cref="OperationCanceledException">The load was cancelled.</exception>
    public async Task<ConfigLoadResult> LoadAsync(string directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var now = time.GetUtcNow();
        var diagnostics = new DiagnosticBag();
        var files = FindFiles(directory, diagnostics);
        if (files.Count == 0)
        {
            return new ConfigLoadResult(null, diagnostics.ToSortedList());
        }

        var main = SelectMainFile(directory, files, diagnostics);
        _schema ??= await ConfigSchema.LoadAsync(cancellationToken);
        MainSection? mainSection = null;
        var domainSections = new List<DomainSection>();
        foreach (var file in files.Where(file => !file.IsMain || file == main))
        {
            var root = await ReadTreeAsync(file, diagnostics, cancellationToken);
            if (root is null)
            {
                continue;
            }

            var schema = file.IsMain ? _schema.MainFile : _schema.DomainFile;
            SchemaValidator.Validate(file.Path, JsonProjection.Create(root), schema, diagnostics);
            if (root is not SourceMapping mapping)
            {
                continue;
            }

            if (file.IsMain)
            {
                mainSection = MainSectionReader.Read(file.Path, mapping);
            }
            else
            {
                domainSections.Add(DomainSectionReader.Read(file.Path, mapping));
            }
        }

        var config = SemanticValidator.Validate(mainSection, domainSections, diagnostics, now);
        return new ConfigLoadResult(diagnostics.HasErrors ? null : config, diagnostics.ToSortedList());
    }

    private static IReadOnlyList<ConfigFile> FindFiles(string directory, DiagnosticBag diagnostics)
    {
        if (!Directory.Exists(directory))
        {
            diagnostics.Add(
                directory,
                1,
                1,
                DiagnosticCodes.DirectoryNotFound,
                $"the config directory '{directory}' does not exist; create it with a {ConfigFileLocator.MainFileName}, " +
                "or point --config at the right directory");
            return [];
        }

        IReadOnlyList<ConfigFile> files;
        try
        {
            files = ConfigFileLocator.Find(directory);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(
                directory,
                1,
                1,
                DiagnosticCodes.FileUnreadable,
                $"cannot list the config directory: {exception.Message}; check its permissions");
            return [];
        }

        if (files.Count == 0)
        {
            diagnostics.Add(
                directory,
                1,
                1,
                DiagnosticCodes.NoConfigFiles,
                $"the config directory '{directory}' has no *.yaml or *.yml file; add a {ConfigFileLocator.MainFileName} " +
                "and a file per domain");
        }

        return files;
    }

    private static ConfigFile? SelectMainFile(string directory, IReadOnlyList<ConfigFile> files, DiagnosticBag diagnostics)
    {
        var mains = files.Where(file => file.IsMain).ToList();
        if (mains.Count == 0)
        {
            diagnostics.Add(
                Path.Join(directory, ConfigFileLocator.MainFileName),
                1,
                1,
                DiagnosticCodes.MainConfigMissing,
                $"the config directory has no {ConfigFileLocator.MainFileName}; create it with table, domains and destinations");
            return null;
        }

        foreach (var extra in mains.Skip(1))
        {
            diagnostics.Add(
                extra.Path,
                1,
                1,
                DiagnosticCodes.MainConfigAmbiguous,
                $"both {mains[0].Name} and {extra.Name} exist and only {mains[0].Name} is read; merge them into one file " +
                "and delete the other");
        }

        return mains[0];
    }

    private static async Task<SourceNode?> ReadTreeAsync(ConfigFile file, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        var text = await ConfigTextReader.ReadAsync(file, diagnostics, cancellationToken);
        return text is null ? null : YamlTreeReader.Read(file.Path, text, diagnostics);
    }
}
