using System.Text;

namespace TacoMail.Reconciler.Rendering;

/// <summary>
/// Fits the domain sections of a markdown plan into a character budget, because GitHub refuses
/// longer comments. Domains are shown in full, in plan order, while the rest still fit as summary
/// lines; the first domain that does not fit shows what it can; the others are listed by their
/// summary line; when even that list is too long, its end is cut. The counts of what was left out
/// are kept for the closing note.
/// </summary>
internal sealed class MarkdownDomainLayout
{
    private const string CollapsedHeading = "Not shown in detail, to keep this comment within GitHub's size limit:\n\n";
    private const char CollapsedEnd = '\n';
    private const int CollapsedEndLength = 1;

    public MarkdownDomainLayout(IReadOnlyList<MarkdownDomainSection> sections, int budget)
    {
        ArgumentNullException.ThrowIfNull(sections);
        var builder = new StringBuilder();
        var count = sections.Count;
        if (sections.Sum(s => (long)s.FullLength) <= budget)
        {
            foreach (var section in sections)
            {
                section.AppendTo(builder, section.ChangeCount);
            }

            Text = builder.ToString();
            return;
        }

        var collapsedFrom = new long[count + 1];
        for (var i = count - 1; i >= 0; i--)
        {
            collapsedFrom[i] = collapsedFrom[i + 1] + sections[i].Collapsed.Length;
        }

        long Listing(int from) => from < count ? CollapsedHeading.Length + collapsedFrom[from] + CollapsedEndLength : 0;

        var next = 0;
        while (next < count && builder.Length + sections[next].FullLength + Listing(next + 1) <= budget)
        {
            sections[next].AppendTo(builder, sections[next].ChangeCount);
            next++;
        }

        if (next < count)
        {
            var allowance = budget - builder.Length - Listing(next + 1);
            var shown = allowance > 0 ? sections[next].ShownWithin((int)allowance) : 0;
            if (shown > 0)
            {
                sections[next].AppendTo(builder, shown);
                OmittedChanges += sections[next].ChangeCount - shown;
                OmittedDomains++;
                next++;
            }
        }

        if (next < count)
        {
            AppendListing(builder, sections, next, budget);
        }

        Text = builder.ToString();
    }

    /// <summary>The markdown of the domain sections, at most the budget long.</summary>
    public string Text { get; }

    /// <summary>Changes whose lines are not shown.</summary>
    public int OmittedChanges { get; private set; }

    /// <summary>Domains with at least one change not shown.</summary>
    public int OmittedDomains { get; private set; }

    /// <summary>Domains not even named in the list of summary lines.</summary>
    public int UnlistedDomains { get; private set; }

    public bool IsComplete => OmittedChanges == 0;

    private void AppendListing(StringBuilder builder, IReadOnlyList<MarkdownDomainSection> sections, int from, int budget)
    {
        var listed = false;
        for (var i = from; i < sections.Count; i++)
        {
            var section = sections[i];
            OmittedChanges += section.ChangeCount;
            OmittedDomains++;
            var needed = section.Collapsed.Length + (listed ? 0 : CollapsedHeading.Length) + CollapsedEndLength;
            if (UnlistedDomains > 0 || builder.Length + needed > budget)
            {
                UnlistedDomains++;
                continue;
            }

            if (!listed)
            {
                builder.Append(CollapsedHeading);
                listed = true;
            }

            builder.Append(section.Collapsed);
        }

        if (listed)
        {
            builder.Append(CollapsedEnd);
        }
    }
}
