namespace TacoMail.Reconciler.Rendering;

/// <summary>
/// Cuts a list of entries that may be too long for the comment: the sections show as many leading
/// entries as fit and then say how many they left out.
/// </summary>
internal static class MarkdownBlock
{
    /// <summary>How many leading <paramref name="entries"/> fit together in <paramref name="allowance"/> characters.</summary>
    public static int Fitting(IReadOnlyList<string> entries, int allowance)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var used = 0;
        var shown = 0;
        while (shown < entries.Count && used + entries[shown].Length <= allowance)
        {
            used += entries[shown].Length;
            shown++;
        }

        return shown;
    }
}
