namespace TacoMail.Reconciler.Diagnostics;

/// <summary>
/// Whether a diagnostic stops the configuration from being used. Most are errors; a warning
/// points at something that is valid but probably not meant (an alias that expired already), so
/// it is reported without failing <c>validate</c>, <c>plan</c> or <c>apply</c>.
/// </summary>
internal enum DiagnosticSeverity
{
    /// <summary>The configuration cannot be used until it is fixed.</summary>
    Error,

    /// <summary>The configuration is used as written; the reader should look at it.</summary>
    Warning,
}
