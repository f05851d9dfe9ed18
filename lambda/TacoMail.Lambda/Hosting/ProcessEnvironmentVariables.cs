namespace TacoMail.Lambda.Hosting;

/// <summary>The real process environment.</summary>
internal sealed class ProcessEnvironmentVariables : IEnvironmentVariables
{
    public string? Get(string name) => Environment.GetEnvironmentVariable(name);
}
