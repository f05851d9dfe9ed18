using Spectre.Console;
using TacoMail.Reconciler.Diagnostics;
using TacoMail.Reconciler.Hosting;

namespace TacoMail.Reconciler.Cli;

/// <summary>
/// Prints validation diagnostics the way compilers do (<c>path:line:col: error TMnnn: message</c>,
/// or <c>warning</c>), so that terminals and editors link to the spot, and adds GitHub workflow
/// commands when running in GitHub Actions so that each one is annotated on the pull request's
/// diff. Errors go to standard output, where they are the command's answer; warnings go to the
/// notes (standard error), because the command still answers on standard output and that answer
/// must stay clean for scripts (<c>plan --format markdown &gt; plan.md</c>, <c>contact</c>). The
/// runner reads workflow commands on both streams.
/// </summary>
internal sealed class DiagnosticReporter(IAnsiConsole console, NoteConsole notes, IProcessEnvironment environment)
{
    public void Report(IReadOnlyList<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var github = string.Equals(environment.GetVariable("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase);
        foreach (var diagnostic in diagnostics)
        {
            var writer = (diagnostic.IsError ? console : notes.Console).Profile.Out.Writer;
            writer.WriteLine(Format(diagnostic));
            if (github)
            {
                writer.WriteLine(FormatGitHub(diagnostic));
            }
        }
    }

    public static string Format(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        return $"{diagnostic.Path}:{diagnostic.Line}:{diagnostic.Column}: {Word(diagnostic)} {diagnostic.Code}: {diagnostic.Message}";
    }

    public static string FormatGitHub(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        return $"::{Word(diagnostic)} file={EscapeProperty(diagnostic.Path)},line={diagnostic.Line},col={diagnostic.Column},title={diagnostic.Code}::{EscapeData(diagnostic.Message)}";
    }

    /// <summary>The compilers' word for the severity, which is also the GitHub workflow command's name.</summary>
    private static string Word(Diagnostic diagnostic) => diagnostic.IsError ? "error" : "warning";

    // https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts (escapeData, escapeProperty)
    private static string EscapeData(string value) =>
        value.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    private static string EscapeProperty(string value) =>
        EscapeData(value).Replace(":", "%3A").Replace(",", "%2C");
}
