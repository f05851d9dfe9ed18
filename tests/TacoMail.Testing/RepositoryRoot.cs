namespace TacoMail.Testing;

/// <summary>
/// The repository the tests and benchmarks run from: the nearest directory above the running
/// assembly that holds <c>TacoMail.sln</c>. Tests read files in place (the template, the workflows,
/// the docs, golden files) rather than copies in the output folder, so that they check what would be
/// committed.
/// </summary>
public static class RepositoryRoot
{
    public const string Marker = "TacoMail.sln";

    private static readonly Lazy<string> Found = new(() => Find(AppContext.BaseDirectory));

    /// <summary>The repository root above <see cref="AppContext.BaseDirectory"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">No <see cref="Marker"/> above the assembly.</exception>
    public static string Path => Found.Value;

    /// <summary>A path under the repository root, given with forward slashes.</summary>
    public static string PathOf(string relativePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(relativePath);
        return System.IO.Path.Combine(Path, relativePath.Replace('/', System.IO.Path.DirectorySeparatorChar));
    }

    /// <summary>The text of a file under the repository root, read in place.</summary>
    public static string ReadAllText(string relativePath) => File.ReadAllText(PathOf(relativePath));

    /// <summary>The nearest directory at or above <paramref name="start"/> that holds <see cref="Marker"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">There is none.</exception>
    public static string Find(string start)
    {
        ArgumentException.ThrowIfNullOrEmpty(start);
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, Marker)))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No {Marker} at or above {start}.");
    }
}
