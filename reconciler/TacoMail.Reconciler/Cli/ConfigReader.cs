using Spectre.Console;
using TacoMail.Reconciler.Config;

namespace TacoMail.Reconciler.Cli;

/// <summary>
/// Loads the configuration for a command and reports its diagnostics the same way <c>validate</c>
/// does, so every command that reads the YAML refuses bad input with the same messages, and shows
/// the same warnings without refusing.
/// </summary>
internal sealed class ConfigReader(ConfigLoader loader, DiagnosticReporter reporter, IAnsiConsole console)
{
    /// <returns>The configuration, or null after printing every error.</returns>
    public async Task<TacoMailConfig?> ReadAsync(string directory, CancellationToken cancellationToken)
    {
        var result = await loader.LoadAsync(directory, cancellationToken);
        reporter.Report(result.Diagnostics);
        if (result.Config is null)
        {
            var errors = result.Diagnostics.Where(d => d.IsError).ToList();
            var files = errors.Select(d => d.Path).Distinct(StringComparer.Ordinal).Count();
            console.MarkupLineInterpolated($"[red]{errors.Count} error(s)[/] in {files} file(s) under {directory}");
        }

        return result.Config;
    }
}
