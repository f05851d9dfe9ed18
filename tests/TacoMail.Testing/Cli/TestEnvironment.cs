using TacoMail.Reconciler.Hosting;

namespace TacoMail.Testing;

/// <summary>
/// An environment holding only the variables a test sets, plus, unless the test sets its own, the
/// real values of a few it names: by default <c>JAVA_HOME</c>, <c>TACOMAIL_CACHE_DIR</c>, <c>HOME</c>
/// and <c>PATH</c>, so that emulators it starts find the same Java and the same installed DynamoDB
/// Local as the fixture; <see cref="Isolated"/> passes only <c>JAVA_HOME</c>, for tests of how the
/// variables themselves are read.
/// </summary>
internal sealed class TestEnvironment(
    IReadOnlyDictionary<string, string>? variables = null, string? currentDirectory = null, IReadOnlyCollection<string>? passedThrough = null)
    : IProcessEnvironment
{
    private static readonly string[] ToolVariables = ["JAVA_HOME", "TACOMAIL_CACHE_DIR", "HOME", "PATH"];

    private readonly IReadOnlyCollection<string> _passedThrough = passedThrough ?? ToolVariables;

    public string CurrentDirectory { get; } = currentDirectory ?? Environment.CurrentDirectory;

    /// <summary>Only <paramref name="variables"/> and the real <c>JAVA_HOME</c>, in <paramref name="currentDirectory"/>.</summary>
    public static TestEnvironment Isolated(string currentDirectory, IReadOnlyDictionary<string, string>? variables = null) =>
        new(variables, currentDirectory, ["JAVA_HOME"]);

    public string? GetVariable(string name)
    {
        if (variables is not null && variables.TryGetValue(name, out var value))
        {
            return value;
        }

        return _passedThrough.Contains(name, StringComparer.Ordinal) ? Environment.GetEnvironmentVariable(name) : null;
    }
}
