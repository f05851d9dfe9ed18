namespace TacoMail.Reconciler.Export;

/// <summary>One YAML file produced by <see cref="ConfigExporter"/>: a bare file name and its text.</summary>
internal sealed record ExportedFile(string FileName, string Content);
