using System.Text;
using TacoMail.Reconciler.Planning;
using TacoMail.Schema.Addresses;

namespace TacoMail.Reconciler.Rendering;

/// <summary>
/// Writes one change as lines of a <c>diff</c> code block, which GitHub colours: <c>+</c> green,
/// <c>-</c> red, <c>!</c> orange. Each attribute shows its old value on a <c>-</c> line and its
/// new value on a <c>+</c> line, so a create has only <c>+</c> lines and a delete only <c>-</c>.
/// </summary>
internal static class MarkdownChangeEntry
{
    private const string AttributeIndent = "    ";

    public static string Render(AliasChange change, bool maskDestinations)
    {
        var builder = new StringBuilder(128);
        builder.Append(Header(change.Action)).Append(' ').Append(MarkdownText.Code(change.Key.FullAddress));
        if (change is AliasRename rename)
        {
            builder.Append(" (from ").Append(MarkdownText.Code(rename.From.FullAddress)).Append(')');
        }

        builder.Append('\n');
        foreach (var attribute in change.Attributes)
        {
            var mask = maskDestinations && attribute.Name == AttributeNames.Destination;
            AppendValue(builder, '-', attribute.Name, attribute.Before, mask);
            AppendValue(builder, '+', attribute.Name, attribute.After, mask);
        }

        if (change.Usage is { } usage)
        {
            // A leading space is a context line: GitHub leaves it uncoloured.
            builder.Append(' ').Append(AttributeIndent).Append("usage: ").Append(PlanWords.Usage(usage)).Append('\n');
        }

        if (change.Expiry is { } expiry)
        {
            builder.Append(' ').Append(AttributeIndent).Append(PlanWords.Expired(expiry)).Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>The marker and word that open the line of a change of <paramref name="action"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An action this renderer does not know.</exception>
    public static string Header(ChangeAction action)
    {
        var marker = action switch
        {
            ChangeAction.Create => '+',
            ChangeAction.Delete => '-',
            ChangeAction.Update or ChangeAction.Rename => '!',
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, "The markdown renderer does not know this change action."),
        };
        return $"{marker} {PlanWords.Name(action)}";
    }

    private static void AppendValue(StringBuilder builder, char marker, string name, string? value, bool mask)
    {
        if (value is null)
        {
            return;
        }

        var shown = mask ? AddressMask.Mask(value) : value;
        builder.Append(marker).Append(AttributeIndent).Append(MarkdownText.Code(name)).Append(": ")
            .Append(MarkdownText.Code(shown)).Append('\n');
    }
}
