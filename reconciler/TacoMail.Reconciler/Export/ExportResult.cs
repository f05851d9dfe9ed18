using System.Collections.Immutable;

namespace TacoMail.Reconciler.Export;

/// <summary>
/// The files an export writes, and the table items it could not express in YAML (an alias whose
/// local part breaks today's rules, say), each with the reason, so nothing is dropped silently.
/// </summary>
internal sealed record ExportResult(ImmutableArray<ExportedFile> Files, ImmutableArray<string> Skipped, int Aliases);
