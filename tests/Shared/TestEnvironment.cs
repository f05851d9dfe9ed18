using TacoMail.Reconciler.Hosting;

namespace TacoMail.Testing;

/// <summary>
/// An environment holding only the variables a test sets, plus the real <c>JAVA_HOME</c> and
/// <c>TACOMAIL_CACHE_DIR</c> (unless the test sets its own) so that emulators it starts find the
/// same Java and the same installed DynamoDB Local as the fixture.
/// </summary>
internal sealed class TestEnvironment(IReadOnlyDictionary<string, string>? variables = null, string? currentDirectory = null)
    : IProcessEnvironment
{
    private static readonly string[] PassedThrough = ["JAVA_HOME", "TACOMAIL_CACHE_DIR", "HOME", "PATH"];

    public string CurrentDirectory { get; } = currentDirectory ?? Environment.CurrentDirectory;

    public string? GetVariable(string name)
    {
        if (variables is not null && variables.TryGetValue(name, out var value))
        {
            return value;
        }

        return PassedThrough.Contains(name, StringComparer.Ordinal) ? Environment.GetEnvironmentVariable(name) : null;
    }
}
