using System.Globalization;
using TacoMail.Schema.Queue;
using TacoMail.Schema.Routing;

namespace TacoMail.Reconciler.Tests.Queue;

/// <summary>Queue entries as the delivery function writes them, relative to a fixed now.</summary>
internal static class QueueEntries
{
    public static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-29T12:00:00Z", CultureInfo.InvariantCulture);

    public static QueueEntry Queued(string id, TimeSpan age, int attempts = 1, string? error = "421 4.3.0 try again later", TimeSpan? nextIn = null) => new(
        id,
        Now - age,
        "jane@sender.example",
        ["shop@example.com"],
        new MessageVerdicts(VerdictStatus.Pass, VerdictStatus.Pass, VerdictStatus.Pass, VerdictStatus.Pass, VerdictStatus.Pass),
        [],
        QueueEntryState.Queued,
        attempts,
        Now + (nextIn ?? TimeSpan.FromMinutes(4)),
        error);

    public static QueueEntry Failed(string id, TimeSpan age) =>
        Queued(id, age, attempts: 9, error: "550 5.1.1 mailbox unavailable") with { State = QueueEntryState.Failed };
}
