using TacoMail.Reconciler.Hosting;

namespace TacoMail.IntegrationTests;

/// <summary>
/// An environment with only the variables a test sets, plus the real <c>JAVA_HOME</c> (unless the
/// test sets its own) so that emulators start with the same Java as the fixture's.
/// </summary>
internal sealed class FakeEnvironment(string currentDirectory, IReadOnlyDictionary<string, string>? variables = null)
    : IProcessEnvironment
{
    private const string JavaHome = "JAVA_HOME";

    public string CurrentDirectory { get; } = currentDirectory;

    public string? GetVariable(string name)
    {
        if (variables is not null && variables.TryGetValue(name, out var value))
        {
            return value;
        }

        return name == JavaHome ? Environment.GetEnvironmentVariable(JavaHome) : null;
    }
}
