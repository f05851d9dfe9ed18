using Spectre.Console;
using TacoMail.Reconciler.Durations;
using TacoMail.Schema.Queue;

namespace TacoMail.Reconciler.Queue;

/// <summary>
/// The queue for people, like Postfix's <c>mailq</c>: one line per message, oldest first, columns
/// aligned, then the summary. An unreadable entry gets its own line with its key and the problem.
/// </summary>
internal static class QueueTextRenderer
{
    public static void Render(QueueSnapshot snapshot, IAnsiConsole console, bool showSenders)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(console);
        var readable = snapshot.Items.Where(i => i.IsReadable).ToList();
        var idWidth = readable.Select(i => i.MessageId!.Length).DefaultIfEmpty(0).Max();
        var ageWidth = readable.Select(i => DurationText.Age(i.Entry!.AgeAt(snapshot.At)).Length).DefaultIfEmpty(0).Max();
        foreach (var item in snapshot.Items)
        {
            if (item.Entry is not { } entry)
            {
                console.MarkupLineInterpolated($"[red]{item.Key}  unreadable: {item.Problem}[/]");
                continue;
            }

            var colour = item.State == QueueEntryState.Failed ? "red" : "yellow";
            var head = $"{entry.MessageId.PadRight(idWidth)}  {DurationText.Age(entry.AgeAt(snapshot.At)).PadLeft(ageWidth)}  ";
            var tail =
                $"  attempts {entry.Attempts}  next {QueueText.NextAttempt(entry, item.State, snapshot.At)}  " +
                $"to {string.Join(", ", entry.Recipients)}  from {QueueText.Sender(entry.EnvelopeSender, showSenders)}";
            var error = QueueText.Error(entry.LastError, showSenders);
            console.MarkupLine(
                Markup.Escape(head) + $"[{colour}]{Markup.Escape(QueueText.State(item.State).PadRight(6))}[/]" + Markup.Escape(tail) +
                (error is null ? string.Empty : $"  [grey]({Markup.Escape(error)})[/]"));
        }

        console.WriteLine(QueueText.Summary(snapshot));
    }
}
