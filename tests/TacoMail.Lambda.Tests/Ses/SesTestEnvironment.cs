using TacoMail.Lambda.Hosting;

namespace TacoMail.Lambda.Tests.Ses;

/// <summary>Environment variables from a dictionary.</summary>
internal sealed class SesTestEnvironment(IReadOnlyDictionary<string, string> values) : IEnvironmentVariables
{
    public string? Get(string name) => values.TryGetValue(name, out var value) ? value : null;
}
