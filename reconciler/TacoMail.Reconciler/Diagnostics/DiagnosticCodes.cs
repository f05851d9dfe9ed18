namespace TacoMail.Reconciler.Diagnostics;

/// <summary>
/// The stable error codes of <c>tacomail validate</c>. Codes are never reused for another
/// meaning, so that users can search for them and CI logs stay comparable across versions.
/// </summary>
internal static class DiagnosticCodes
{
}
