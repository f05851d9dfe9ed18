namespace TacoMail.Reconciler.Hosting;

/// <summary>The real process environment.</summary>
internal sealed class SystemEnvironment : IProcessEnvironment
{
    public string CurrentDirectory => Environment.CurrentDirectory;

    public string? GetVariable(string name) => Environment.GetEnvironmentVariable(name);
}
