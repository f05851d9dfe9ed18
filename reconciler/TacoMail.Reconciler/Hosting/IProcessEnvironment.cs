namespace TacoMail.Reconciler.Hosting;

/// <summary>
/// The process environment the CLI reads (variables, working directory), behind an interface so
/// that commands can be tested without touching the real process state.
/// </summary>
internal interface IProcessEnvironment
{
    string CurrentDirectory { get; }

    string? GetVariable(string name);
}
