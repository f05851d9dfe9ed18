namespace TacoMail.Reconciler.Table.Local;

/// <summary>The outcome of running an external command to completion.</summary>
internal sealed record CommandResult(int ExitCode, string StandardOutput, string StandardError);
