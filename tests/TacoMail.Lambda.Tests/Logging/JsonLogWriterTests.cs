using TacoMail.Lambda.Logging;

namespace TacoMail.Lambda.Tests.Logging;

public sealed class JsonLogWriterTests
{
    private static readonly DispositionLogEntry Entry = new()
    {
        Level = "info",
        MessageId = "m-1",
        RequestId = "r-1",
        SenderDomain = "sender.test",
        Verdicts = new VerdictsLogEntry("PASS", "PASS", "PASS", "FAIL", "MISSING"),
        Recipients = [new RecipientLogEntry("Shop+Ünïcode@example.com", "shop@example.com", "found", "deliver", "active")],
        Disposition = "CONTINUE",
        DurationMs = 12,
        Bounce = null,
        Errors = ["line\nbreak \"quoted\""],
    };

    [Fact]
    public void Write_Entry_IsOneCompactLineWithFixedKeys()
    {
        var sink = new CapturingLogSink();

        new JsonLogWriter(sink).Write(Entry);

        sink.Lines.ShouldHaveSingleItem().ShouldBe(
            """
            {"level":"info","messageId":"m-1","requestId":"r-1","senderDomain":"sender.test","verdicts":{"spam":"PASS","virus":"PASS","spf":"PASS","dkim":"FAIL","dmarc":"MISSING"},"recipients":[{"recipient":"Shop+Ünïcode@example.com","alias":"shop@example.com","lookup":"found","outcome":"deliver","reason":"active"}],"disposition":"CONTINUE","durationMs":12,"bounce":null,"settings":null,"errors":["line\nbreak \"quoted\""]}
            """);
    }
}
