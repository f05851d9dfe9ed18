using TacoMail.Lambda.Hosting;

namespace TacoMail.Lambda.Tests.Configuration;

/// <summary>An environment holding only what the test sets.</summary>
internal sealed class FakeEnvironmentVariables(IReadOnlyDictionary<string, string> values) : IEnvironmentVariables
{
    public string? Get(string name) => values.GetValueOrDefault(name);
}
