namespace TacoMail.Lambda.Delivery.Storage;

/// <summary>
/// The names of the files the delivery spools to Lambda's <c>/tmp</c> (the message, the request
/// body), and the sweep of ones an earlier invocation left when it was killed: one execution
/// environment runs one invocation at a time, so at start any such file is stale.
/// </summary>
internal static class TemporaryFiles
{
    public const string MessagePrefix = "tacomail-";
    public const string MessageSuffix = ".eml";
    public const string RequestPrefix = "tacomail-send-";
    public const string RequestSuffix = ".json";

    /// <summary>Deletes leftover spool files in <paramref name="directory"/>; returns how many.</summary>
    public static int SweepStale(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        if (!Directory.Exists(directory))
        {
            return 0;
        }

        var removed = 0;
        foreach (var path in Directory.EnumerateFiles(directory, MessagePrefix + "*"))
        {
            var name = Path.GetFileName(path);
            if (!(name.EndsWith(MessageSuffix, StringComparison.Ordinal)
                || (name.StartsWith(RequestPrefix, StringComparison.Ordinal) && name.EndsWith(RequestSuffix, StringComparison.Ordinal))))
            {
                continue;
            }

            try
            {
                File.Delete(path);
                removed++;
            }
            catch (IOException)
            {
                // Still open elsewhere: not stale after all.
            }
            catch (UnauthorizedAccessException)
            {
                // Not ours to delete.
            }
        }

        return removed;
    }
}
