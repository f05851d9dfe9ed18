using System.Runtime.CompilerServices;
using TacoMail.Testing;

namespace TacoMail.Reconciler.Tests.Rendering;

/// <summary>
/// Compares rendered output with a file under the test's <c>Golden/</c> folder, found next to the test's
/// source (the project does not copy it to the output). Run the tests with
/// <c>TACOMAIL_UPDATE_GOLDEN=1</c> to write the files from the current output, then review the diff.
/// </summary>
internal static class GoldenFile
{
    public const string UpdateVariable = "TACOMAIL_UPDATE_GOLDEN";

    private const string ProjectFromRepository = "tests/TacoMail.Reconciler.Tests";

    public static void ShouldMatch(string actual, string name, [CallerFilePath] string callerPath = "")
    {
        var path = Path.Combine(Folder(callerPath), name);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }

        File.Exists(path).ShouldBeTrue($"The golden file {path} is missing; run the tests with {UpdateVariable}=1 to create it.");
        actual.ShouldBe(File.ReadAllText(path).ReplaceLineEndings("\n"), $"Output differs from {path}; if the change is intended, run the tests with {UpdateVariable}=1.");
    }

    private static string Folder(string callerPath)
    {
        var beside = Path.Combine(Path.GetDirectoryName(callerPath) ?? string.Empty, "Golden");
        if (Directory.Exists(beside))
        {
            return beside;
        }

        // Source paths may be mapped (deterministic CI builds): find the repository from the output
        // folder, and the test's folder (Rendering/, Stats/) by the caller's folder name.
        var folder = $"{ProjectFromRepository}/{Path.GetFileName(Path.GetDirectoryName(callerPath))}/Golden";
        var fromRoot = RepositoryRoot.PathOf(folder);
        return Directory.Exists(fromRoot)
            ? fromRoot
            : throw new DirectoryNotFoundException($"No {folder} beside {callerPath} or in {RepositoryRoot.Path}.");
    }
}
