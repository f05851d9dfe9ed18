namespace TacoMail.Reconciler.Diagnostics;

/// <summary>
/// One problem found in the configuration, pointing at the YAML node that causes it, so that
/// editors, terminals and GitHub annotations can all take the reader straight to it.
/// </summary>
/// <param name="Path">The file, relative to the working directory where possible.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
/// <param name="Code">A stable code such as <c>TM011</c>; see <see cref="DiagnosticCodes"/>.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
/// <param name="Severity">Whether it fails the load (an error, the default) or is only reported (a warning).</param>
internal sealed record Diagnostic(
    string Path, int Line, int Column, string Code, string Message, DiagnosticSeverity Severity = DiagnosticSeverity.Error)
{
    public bool IsError => Severity == DiagnosticSeverity.Error;
}
