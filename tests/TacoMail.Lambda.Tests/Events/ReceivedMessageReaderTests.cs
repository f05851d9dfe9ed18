using System.Text.Json;
using TacoMail.Lambda.Events;
using TacoMail.Schema.Routing;

namespace TacoMail.Lambda.Tests.Events;

public sealed class ReceivedMessageReaderTests
{
    private static SesEvent? Parse(string json) => JsonSerializer.Deserialize(json, SesEventJsonContext.Default.SesEvent);

    [Fact]
    public void TryRead_FullEvent_ReadsIdSourceRecipientsAndVerdicts()
    {
        ReceivedMessageReader.TryRead(Parse(TestEvent.ReadFile("full-event.json")), out var message, out var problem).ShouldBeTrue();

        problem.ShouldBeNull();
        message.MessageId.ShouldBe(TestEvent.MessageId);
        message.Source.ShouldBe("bounces+1234@mailer.sender.test");
        message.Recipients.ShouldBe(["shop@example.com", "news+weekly@example.com"]);
        message.Verdicts.ShouldBe(new MessageVerdicts(
            VerdictStatus.Pass, VerdictStatus.Pass, VerdictStatus.Pass, VerdictStatus.Pass, VerdictStatus.Pass));
    }

    [Fact]
    public void TryRead_MissingVerdicts_AreMissing()
    {
        ReceivedMessageReader.TryRead(Parse(TestEvent.ReadFile("lenient-event.json")), out var message, out _).ShouldBeTrue();

        message.Verdicts.ShouldBe(new MessageVerdicts(
            VerdictStatus.Gray, VerdictStatus.Missing, VerdictStatus.Missing, VerdictStatus.Missing, VerdictStatus.Fail));
    }

    [Fact]
    public void TryRead_RecipientsFromReceiptNotHeaders()
    {
        var json = TestEvent.Full().WithRecipients("only@example.com").ToJson();

        ReceivedMessageReader.TryRead(Parse(json), out var message, out _).ShouldBeTrue();

        message.Recipients.ShouldBe(["only@example.com"]);
    }

    [Fact]
    public void TryRead_BlankAndDuplicateRecipients_AreSkipped()
    {
        var json = TestEvent.Full().WithRecipients("a@example.com", " ", "a@example.com", "B@example.com").ToJson();

        ReceivedMessageReader.TryRead(Parse(json), out var message, out _).ShouldBeTrue();

        message.Recipients.ShouldBe(["a@example.com", "B@example.com"]);
    }

    [Theory]
    [InlineData("null", "no Records")]
    [InlineData("{}", "no Records")]
    [InlineData("""{"Records":[]}""", "no Records")]
    [InlineData("""{"Records":[null]}""", "no ses.mail")]
    [InlineData("""{"Records":[{"ses":{"receipt":{"recipients":["a@b.c"]}}}]}""", "no ses.mail")]
    [InlineData("""{"Records":[{"ses":{"mail":{"messageId":"m"}}}]}""", "no ses.receipt")]
    [InlineData("""{"Records":[{"ses":{"mail":{},"receipt":{"recipients":["a@b.c"]}}}]}""", "no ses.mail.messageId")]
    [InlineData("""{"Records":[{"ses":{"mail":{"messageId":"m"},"receipt":{}}}]}""", "no recipients in ses.receipt.recipients")]
    [InlineData("""{"Records":[{"ses":{"mail":{"messageId":"m"},"receipt":{"recipients":[]}}}]}""", "no recipients in ses.receipt.recipients")]
    [InlineData("""{"Records":[{"ses":{"mail":{"messageId":"m"},"receipt":{"recipients":[""," "]}}}]}""", "no recipients in ses.receipt.recipients")]
    [InlineData("""{"Records":[{},{}]}""", "2 Records (SES sends one per invocation)")]
    public void TryRead_MalformedEvent_NamesTheProblem(string json, string expected)
    {
        ReceivedMessageReader.TryRead(Parse(json), out var message, out var problem).ShouldBeFalse();

        message.ShouldBeNull();
        problem.ShouldBe($"malformed event: {expected}");
    }

    [Fact]
    public void MessageIdOf_RejectedEventWithId_ReturnsIt() =>
        ReceivedMessageReader.MessageIdOf(Parse("""{"Records":[{"ses":{"mail":{"messageId":"m-1"}}}]}""")).ShouldBe("m-1");

    [Fact]
    public void MessageIdOf_NoEvent_ReturnsNull() => ReceivedMessageReader.MessageIdOf(null).ShouldBeNull();
}
