using System.Text.Json;
using TacoMail.Lambda.Tests.Events;

namespace TacoMail.Lambda.Tests.Disposition;

public sealed partial class DispositionFunctionTests
{
    [Fact]
    public async Task Invoke_Always_WritesExactlyOneLogLine()
    {
        await _harness.InvokeAsync(TestEvent.To("shop@example.com", "nobody@example.com"));

        var entry = _harness.LogEntry;
        entry.EnumerateObject().Select(p => p.Name).ShouldBe(
            ["level", "messageId", "requestId", "senderDomain", "verdicts", "recipients", "disposition", "durationMs", "bounce", "settings", "errors"]);
        entry.GetProperty("level").GetString().ShouldBe("info");
        entry.GetProperty("messageId").GetString().ShouldBe(TestEvent.MessageId);
        entry.GetProperty("requestId").GetString().ShouldBe(DispositionHarness.RequestId);
        entry.GetProperty("disposition").GetString().ShouldBe("CONTINUE");
        entry.GetProperty("durationMs").GetInt64().ShouldBe(0);
        entry.GetProperty("verdicts").GetProperty("spf").GetString().ShouldBe("PASS");
    }

    [Fact]
    public async Task Invoke_Log_NeverHoldsSubjectHeadersOrSenderAddress()
    {
        await _harness.InvokeAsync(TestEvent.To("shop@example.com"));

        var line = _harness.Log.Lines.ShouldHaveSingleItem();
        line.ShouldNotContain("Top secret subject line");
        line.ShouldNotContain("secret-header-id");
        line.ShouldNotContain("Jane");
        line.ShouldNotContain("bounces+1234");
        _harness.LogEntry.GetProperty("senderDomain").GetString().ShouldBe("mailer.sender.test");
    }

    [Theory]
    [InlineData("<Bounce@Mailer.Example.NET>", "mailer.example.net")]
    [InlineData("", null)]
    [InlineData("no-domain", null)]
    public async Task Invoke_SenderDomain_IsTheEnvelopeSendersDomain(string source, string? expected)
    {
        await _harness.InvokeAsync(TestEvent.Full().WithRecipients("shop@example.com").WithSource(source).ToJson());

        var domain = _harness.LogEntry.GetProperty("senderDomain");
        (domain.ValueKind == JsonValueKind.Null ? null : domain.GetString()).ShouldBe(expected);
    }

    [Fact]
    public async Task Invoke_Malformed_LogsAnErrorLineWithoutRecipients()
    {
        await _harness.InvokeAsync("{");

        var entry = _harness.LogEntry;
        entry.GetProperty("level").GetString().ShouldBe("error");
        entry.GetProperty("messageId").ValueKind.ShouldBe(JsonValueKind.Null);
        entry.GetProperty("recipients").GetArrayLength().ShouldBe(0);
        entry.GetProperty("disposition").GetString().ShouldBe("CONTINUE");
    }
}
