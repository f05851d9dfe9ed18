using System.Collections.Immutable;
using Spectre.Console;
using TacoMail.Schema.Records;

namespace TacoMail.Reconciler.Rendering;

/// <summary>
/// The table items that could not be read, as a warning with one line per item: the shape plans
/// and stats share, each saying what it did with them. Keys and reasons come from the table and
/// are escaped, never read as markup.
/// </summary>
internal static class TextSkippedSection
{
    /// <param name="console">Where to write.</param>
    /// <param name="skipped">The unreadable items; nothing is written when there are none.</param>
    /// <param name="fate">What happened to them, for one and for several: ("was skipped", "were skipped").</param>
    public static void Write(IAnsiConsole console, ImmutableArray<ScannedUnreadableItem> skipped, (string One, string Several) fate)
    {
        ArgumentNullException.ThrowIfNull(console);
        if (skipped.IsDefaultOrEmpty)
        {
            return;
        }

        var count = skipped.Length;
        console.MarkupLine(count == 1
            ? $"[yellow]Warning: 1 table item could not be read and {Markup.Escape(fate.One)}:[/]"
            : $"[yellow]Warning: {count} table items could not be read and {Markup.Escape(fate.Several)}:[/]");
        foreach (var item in skipped)
        {
            var key = item.Key is { } readable ? readable.FullAddress : "(unreadable key)";
            console.MarkupLine($"  - {Markup.Escape(DisplayText.Printable(key))}: {Markup.Escape(DisplayText.Printable(item.Reason))}");
        }

        console.WriteLine();
    }
}
