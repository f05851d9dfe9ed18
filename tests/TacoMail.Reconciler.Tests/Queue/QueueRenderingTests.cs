using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Testing;
using TacoMail.Reconciler.Queue;
using TacoMail.Schema.Queue;
using static TacoMail.Reconciler.Tests.Queue.QueueEntries;

namespace TacoMail.Reconciler.Tests.Queue;

public sealed class QueueRenderingTests
{
    private static QueueSnapshot Snapshot() => QueueSnapshot.Of(
        Now,
        [
            QueueItem.Readable("queue/young.json", Queued("young", TimeSpan.FromSeconds(45), attempts: 0, error: null, nextIn: TimeSpan.FromMinutes(-1)), QueueEntryState.Queued),
            QueueItem.Readable("failed/old.json", Failed("old", TimeSpan.FromDays(5) + TimeSpan.FromHours(1)), QueueEntryState.Failed),
            QueueItem.Readable(
                "queue/mid.json",
                Queued("mid", TimeSpan.FromMinutes(130), attempts: 3, error: "421 4.4.2 timeout talking to [mx.example.net]") with
                {
                    Recipients = ["shop@example.com", "news@example.com"],
                    EnvelopeSender = null,
                },
                QueueEntryState.Queued),
            QueueItem.Unreadable("queue/bad.json", "bad", QueueEntryState.Queued, "unreadable queue entry: 'x' is an invalid start of a value."),
        ]);

    private static string[] Text(bool showSenders)
    {
        var console = new TestConsole().Width(300);
        console.Profile.Capabilities.ColorSystem = ColorSystem.NoColors;
        QueueTextRenderer.Render(Snapshot(), console, showSenders);
        return console.Output.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');
    }

    [Fact]
    public void Text_OneLinePerMessageOldestFirst_ThenUnreadable_ThenTheSummary()
    {
        Text(showSenders: false).ShouldBe(
        [
            "old       5 d 1 h  failed  attempts 9  next given up  to shop@example.com  from j***@sender.example  (550 5.1.1 mailbox unavailable)",
            "mid    2 h 10 min  queued  attempts 3  next in 4 min  to shop@example.com, news@example.com  from <>  (421 4.4.2 timeout talking to [mx.example.net])",
            "young        45 s  queued  attempts 0  next due  to shop@example.com  from j***@sender.example",
            "queue/bad.json  unreadable: unreadable queue entry: 'x' is an invalid start of a value.",
            "2 queued, 1 failed, 1 unreadable; oldest 5 d 1 h",
        ]);
    }

    [Fact]
    public void Text_ShowSenders_PrintsTheEnvelopeSenderInFull()
    {
        var lines = Text(showSenders: true);

        lines[0].ShouldContain("from jane@sender.example");
        Text(showSenders: false).ShouldAllBe(line => !line.Contains("jane@", StringComparison.Ordinal));
    }

    [Fact]
    public void Json_IsVersionedWithIsoTimesAndAgesInSeconds()
    {
        using var json = JsonDocument.Parse(QueueJsonRenderer.Write(Snapshot(), showSenders: false));
        var root = json.RootElement;

        root.GetProperty("format_version").GetString().ShouldBe("1");
        root.GetProperty("generated_at").GetString().ShouldBe("2026-11-29T12:00:00Z");
        var summary = root.GetProperty("summary");
        (summary.GetProperty("queued").GetInt32(), summary.GetProperty("failed").GetInt32(), summary.GetProperty("unreadable").GetInt32()).ShouldBe((2, 1, 1));
        summary.GetProperty("oldest_age_seconds").GetInt64().ShouldBe((5 * 24 + 1) * 3600);
        var messages = root.GetProperty("messages").EnumerateArray().ToList();
        messages.Select(m => m.GetProperty("id").GetString()).ShouldBe(["old", "mid", "young"]);
        var mid = messages[1];
        mid.GetProperty("key").GetString().ShouldBe("queue/mid.json");
        mid.GetProperty("state").GetString().ShouldBe("queued");
        mid.GetProperty("received_at").GetString().ShouldBe("2026-11-29T09:50:00Z");
        mid.GetProperty("age_seconds").GetInt64().ShouldBe(130 * 60);
        mid.GetProperty("envelope_sender").GetString().ShouldBe("<>");
        mid.GetProperty("recipients").EnumerateArray().Select(r => r.GetString()).ShouldBe(["shop@example.com", "news@example.com"]);
        mid.GetProperty("attempts").GetInt32().ShouldBe(3);
        mid.GetProperty("next_attempt_at").GetString().ShouldBe("2026-11-29T12:04:00Z");
        mid.GetProperty("last_error").GetString().ShouldBe("421 4.4.2 timeout talking to [mx.example.net]");
        messages[0].GetProperty("envelope_sender").GetString().ShouldBe("j***@sender.example");
        messages[2].GetProperty("last_error").ValueKind.ShouldBe(JsonValueKind.Null);
        var bad = root.GetProperty("unreadable").EnumerateArray().ShouldHaveSingleItem();
        bad.GetProperty("key").GetString().ShouldBe("queue/bad.json");
        bad.GetProperty("problem").GetString()!.ShouldStartWith("unreadable queue entry");
    }

    [Fact]
    public void Json_ShowSenders_WritesTheSenderInFull()
    {
        QueueJsonRenderer.Write(Snapshot(), showSenders: true).ShouldContain("\"envelope_sender\": \"jane@sender.example\"");
    }
}
