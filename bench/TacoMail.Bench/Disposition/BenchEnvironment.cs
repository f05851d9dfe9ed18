using TacoMail.Lambda.Hosting;

namespace TacoMail.Bench.Disposition;

/// <summary>The handler configuration the benchmark passes in-process and to the started processes alike.</summary>
internal sealed class BenchEnvironment(IReadOnlyDictionary<string, string> variables) : IEnvironmentVariables
{
    public IReadOnlyDictionary<string, string> Variables => variables;

    public string? Get(string name) => variables.TryGetValue(name, out var value) ? value : null;
}
