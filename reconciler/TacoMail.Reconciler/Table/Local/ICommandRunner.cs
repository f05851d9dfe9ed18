namespace TacoMail.Reconciler.Table.Local;

/// <summary>
/// Runs an external command to completion. A seam so that the installer can be tested without
/// npm or the network.
/// </summary>
internal interface ICommandRunner
{
    /// <exception cref="System.ComponentModel.Win32Exception">The executable was not found.</exception>
    Task<CommandResult> RunAsync(
        string fileName, IReadOnlyList<string> arguments, string workingDirectory, CancellationToken cancellationToken);
}
