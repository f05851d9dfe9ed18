using System.Collections.Immutable;
using System.Text;
using TacoMail.Reconciler.Planning;

namespace TacoMail.Reconciler.Rendering;

/// <summary>
/// The changes of one domain as a collapsible <c>&lt;details&gt;</c> block, in the three sizes the
/// layout chooses from: in full, with only its first changes, or as its summary line alone.
/// </summary>
internal sealed class MarkdownDomainSection
{
    private const string CodeEnd = "```\n\n";
    private const string DetailsEnd = "</details>\n\n";

    private readonly string _open;
    private readonly ImmutableArray<string> _entries;

    public MarkdownDomainSection(DomainChanges domain, bool maskDestinations)
    {
        ArgumentNullException.ThrowIfNull(domain);
        _entries = [.. domain.Changes.Select(c => MarkdownChangeEntry.Render(c, maskDestinations))];
        Counts = CountText(domain.Totals);
        _open = $"<details><summary>{MarkdownText.Html(domain.Domain)} — {Counts}</summary>\n\n```diff\n";
        Collapsed = $"- {MarkdownText.Inline(domain.Domain)} — {Counts}\n";
        FullLength = _open.Length + _entries.Sum(e => e.Length) + CodeEnd.Length + DetailsEnd.Length;
    }

    /// <summary><c>2 to create, 1 to update</c>: the actions present, in summary order.</summary>
    public string Counts { get; }

    public int ChangeCount => _entries.Length;

    public int FullLength { get; }

    /// <summary>The summary line alone, as an item of the list of domains not shown in detail.</summary>
    public string Collapsed { get; }

    /// <summary>The most leading changes that fit in <paramref name="allowance"/> characters (0 if none does).</summary>
    public int ShownWithin(int allowance)
    {
        var length = _open.Length;
        for (var shown = 0; shown < _entries.Length; shown++)
        {
            length += _entries[shown].Length;
            if (length + MoreNote(_entries.Length - shown - 1).Length > allowance)
            {
                return shown;
            }
        }

        return _entries.Length;
    }

    /// <summary>The section with its first <paramref name="shown"/> changes and a note counting the others.</summary>
    public void AppendTo(StringBuilder builder, int shown)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentOutOfRangeException.ThrowIfNegative(shown);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(shown, _entries.Length);
        builder.Append(_open);
        foreach (var entry in _entries.AsSpan(0, shown))
        {
            builder.Append(entry);
        }

        builder.Append(MoreNote(_entries.Length - shown));
    }

    private static string MoreNote(int hidden) => hidden == 0
        ? CodeEnd + DetailsEnd
        : $"{CodeEnd}_…and {MarkdownText.Count(hidden, "more change", "more changes")} in this domain not shown._\n\n{DetailsEnd}";

    private static string CountText(PlanSummary totals) =>
        string.Join(", ", PlanWords.SummaryOrder
            .Where(action => totals.Count(action) > 0)
            .Select(action => $"{MarkdownText.Number(totals.Count(action))} {PlanWords.Planned(action)}"));
}
