namespace TacoMail.Deployment.Tests;

/// <summary>
/// Finds files of the repository under test. The tests read the files in place rather than copies
/// in the output folder, so that they always check what would be committed.
/// </summary>
internal static class RepositoryFiles
{
    private const string Marker = "TacoMail.sln";

    private static readonly Lazy<string> RootDirectory = new(FindRoot);

    public static string Root => RootDirectory.Value;

    public static string PathOf(string relativePath) => Path.Combine(Root, relativePath);

    public static string ReadAllText(string relativePath) => File.ReadAllText(PathOf(relativePath));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, Marker)))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No {Marker} above {AppContext.BaseDirectory}.");
    }
}
