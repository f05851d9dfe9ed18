namespace TacoMail.Reconciler.Config;

/// <summary>
/// Lists the config files of a directory: <c>*.yaml</c> and <c>*.yml</c>, not recursive, in
/// ordinal name order so every machine reads them in the same order. Hidden files (editor
/// backups, lock files) are skipped.
/// </summary>
internal static class ConfigFileLocator
{
    public const string MainFileName = "tacomail.yaml";
    public const string MainFileAlternateName = "tacomail.yml";

    /// <exception cref="IOException">The directory cannot be listed.</exception>
    /// <exception cref="UnauthorizedAccessException">The directory cannot be listed.</exception>
    public static IReadOnlyList<ConfigFile> Find(string directory) =>
        [.. Directory.EnumerateFiles(directory)
            .Select(System.IO.Path.GetFileName)
            .OfType<string>()
            .Where(IsConfigFileName)
            .Order(StringComparer.Ordinal)
            .Select(name => new ConfigFile(System.IO.Path.Join(directory, name), name, IsMainFileName(name)))];

    private static bool IsConfigFileName(string name) =>
        !name.StartsWith('.') &&
        (name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase));

    private static bool IsMainFileName(string name) =>
        string.Equals(name, MainFileName, StringComparison.OrdinalIgnoreCase) ||
        string.Equals(name, MainFileAlternateName, StringComparison.OrdinalIgnoreCase);
}
