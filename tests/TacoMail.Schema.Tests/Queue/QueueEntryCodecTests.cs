using System.Text;
using TacoMail.Schema.Queue;
using TacoMail.Schema.Routing;

namespace TacoMail.Schema.Tests.Queue;

public sealed class QueueEntryCodecTests
{
    private static readonly QueueEntry Entry = new(
        "o3vrnil0e2ic28trm7dfhrc2v0cqueue1",
        new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero),
        "jane@sender.test",
        ["shop@example.com", "Shop+News@example.com"],
        MessageVerdicts.None with { Spf = VerdictStatus.Pass, Dkim = VerdictStatus.Fail },
        [new MessageHeader("List-Id", "<news.sender.test>")],
        QueueEntryState.Queued,
        2,
        new DateTimeOffset(2026, 12, 1, 10, 20, 0, TimeSpan.Zero),
        "SES: throttled (TooManyRequestsException)");

    [Fact]
    public void Encode_ThenDecode_KeepsEveryField()
    {
        QueueEntryCodec.TryDecode(QueueEntryCodec.Encode(Entry), out var decoded, out var problem).ShouldBeTrue(problem);

        decoded!.MessageId.ShouldBe(Entry.MessageId);
        decoded.ReceivedAt.ShouldBe(Entry.ReceivedAt);
        decoded.EnvelopeSender.ShouldBe(Entry.EnvelopeSender);
        decoded.Recipients.ShouldBe(Entry.Recipients);
        decoded.Verdicts.ShouldBe(Entry.Verdicts);
        decoded.Headers.ShouldBe(Entry.Headers);
        decoded.State.ShouldBe(QueueEntryState.Queued);
        decoded.Attempts.ShouldBe(2);
        decoded.NextAttemptAt.ShouldBe(Entry.NextAttemptAt);
        decoded.LastError.ShouldBe(Entry.LastError);
    }

    [Fact]
    public void Encode_NullSender_IsJsonNull()
    {
        var json = Encoding.UTF8.GetString(QueueEntryCodec.Encode(Entry with { EnvelopeSender = null }));

        json.ShouldContain("\"envelope_sender\": null");
        json.ShouldContain("\"format_version\": 1");
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{\"format_version\": 2}")]
    [InlineData("{\"format_version\": 1, \"message_id\": \"x\"}")]
    public void TryDecode_Garbage_IsReportedNotGuessed(string json)
    {
        QueueEntryCodec.TryDecode(Encoding.UTF8.GetBytes(json), out var entry, out var problem).ShouldBeFalse();

        entry.ShouldBeNull();
        problem!.ShouldStartWith("unreadable queue entry");
    }

    [Fact]
    public void TryDecode_MessageIdThatNamesAnotherKey_IsRefused()
    {
        var json = Encoding.UTF8.GetString(QueueEntryCodec.Encode(Entry)).Replace(Entry.MessageId, "../mailbox/x", StringComparison.Ordinal);

        QueueEntryCodec.TryDecode(Encoding.UTF8.GetBytes(json), out _, out _).ShouldBeFalse();
    }

    [Fact]
    public void RoutingHeaders_KeepOnlyTheBackscatterFields() =>
        QueueEntry.RoutingHeaders([new("Subject", "secret"), new("Precedence", "bulk"), new("auto-submitted", "auto-replied")])
            .Select(h => h.Name).ShouldBe(["Precedence", "auto-submitted"]);

    [Theory]
    [InlineData("queue/abc123.json", "abc123")]
    [InlineData("failed/abc123.json", "abc123")]
    [InlineData("failed/abc123", null)]
    [InlineData("incoming/abc123.json", null)]
    [InlineData("queue/.json", null)]
    public void MessageIdOfEntry_Key_IsTheIdOfAnEntryOnly(string key, string? id) =>
        MailBucketLayout.MessageIdOfEntry(key).ShouldBe(id);

    [Fact]
    public void Keys_MessageId_FollowTheLayout()
    {
        MailBucketLayout.IncomingKey("abc").ShouldBe("incoming/abc");
        MailBucketLayout.QueueEntryKey("abc").ShouldBe("queue/abc.json");
        MailBucketLayout.FailedKey("abc").ShouldBe("failed/abc");
        MailBucketLayout.FailedEntryKey("abc").ShouldBe("failed/abc.json");
        Should.Throw<ArgumentException>(() => MailBucketLayout.QueueEntryKey("../x"));
    }
}
