using TacoMail.Lambda.Hosting;

namespace TacoMail.Lambda.Tests.Hosting;

/// <summary>An environment made of a dictionary, so tests never touch the process's.</summary>
internal sealed class TestEnvironmentVariables(params (string Name, string Value)[] variables) : IEnvironmentVariables
{
    private readonly Dictionary<string, string> _variables = variables.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);

    public string? Get(string name) => _variables.GetValueOrDefault(name);
}
