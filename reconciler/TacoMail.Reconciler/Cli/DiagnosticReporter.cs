using Spectre.Console;
using TacoMail.Reconciler.Diagnostics;
using TacoMail.Reconciler.Hosting;

namespace TacoMail.Reconciler.Cli;

/// <summary>
/// Prints validation errors the way compilers do (<c>path:line:col: error TMnnn: message</c>), so
/// that terminals and editors link to the spot, and adds GitHub workflow commands when running
/// in GitHub Actions so that each error is annotated on the pull request's diff.
/// </summary>
internal sealed class DiagnosticReporter(IAnsiConsole console, IProcessEnvironment environment)
{
    public void Report(IReadOnlyList<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var github = string.Equals(environment.GetVariable("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase);
        foreach (var diagnostic in diagnostics)
        {
            console.Profile.Out.Writer.WriteLine(Format(diagnostic));
            if (github)
            {
                console.Profile.Out.Writer.WriteLine(FormatGitHub(diagnostic));
            }
        }
    }

    public static string Format(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        return $"{diagnostic.Path}:{diagnostic.Line}:{diagnostic.Column}: error {diagnostic.Code}: {diagnostic.Message}";
    }

    public static string FormatGitHub(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        return $"::error file={EscapeProperty(diagnostic.Path)},line={diagnostic.Line},col={diagnostic.Column},title={diagnostic.Code}::{EscapeData(diagnostic.Message)}";
    }

    // https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts (escapeData, escapeProperty)
    private static string EscapeData(string value) =>
        value.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    private static string EscapeProperty(string value) =>
        EscapeData(value).Replace(":", "%3A").Replace(",", "%2C");
}
