using System.Text;
using MimeKit;
using TacoMail.Lambda.Delivery.Storage;
using TacoMail.Lambda.Ses;
using TacoMail.Schema.Model;
using TacoMail.Schema.Replies;

namespace TacoMail.Lambda.Tests.Delivery;

/// <summary>The delivery rules on fakes: who receives what, and what becomes of the stored message.</summary>
public sealed partial class DeliveryHandlerTests : IDisposable
{
    private readonly DeliveryHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Invoke_ActiveAlias_ForwardsOnceFromTheAliasAndDeletesTheMessage()
    {
        _harness.Alias("shop@example.com");
        _harness.StoreMessage(TestMessage.Simple());

        var response = await _harness.InvokeAsync("Shop+News@Example.com", "shop@example.com");

        response.GetProperty("outcome").GetString().ShouldBe("delivered");
        var sent = _harness.Sender.Sent.ShouldHaveSingleItem();
        sent.From.ShouldBe("shop@example.com");
        sent.To.ShouldBe(DeliveryHarness.Destination);
        TestMessage.BodySegment(sent.Message).ShouldBe(TestMessage.BodySegment(TestMessage.Simple()));
        var recipient = response.GetProperty("recipients").EnumerateArray().ShouldHaveSingleItem();
        recipient.GetProperty("recipients").GetArrayLength().ShouldBe(2);
        _harness.Store.Contains(DeliveryHarness.IncomingKey).ShouldBeFalse();
    }

    [Fact]
    public async Task Invoke_Forward_RewritesTheHeadersForTheAlias()
    {
        _harness.Alias("shop@example.com");
        _harness.StoreMessage(TestMessage.Create("""
            Return-Path: <bounce@sender.test>
            DKIM-Signature: v=1; d=sender.test; b=abc
            From: "Jane Doe" <jane@sender.test>
            Sender: owner@sender.test
            Subject: Private subject
            """));

        await _harness.InvokeAsync("shop@example.com");

        var forwarded = MimeMessage.Load(new MemoryStream(_harness.Sender.Sent.Single().Message), TestContext.Current.CancellationToken);
        forwarded.From.ToString().ShouldBe("\"Jane Doe via TacoMail\" <shop@example.com>");
        forwarded.ReplyTo.Mailboxes.Single().Address.ShouldMatch(@"^reply\.[a-z2-7]{20}@example\.com$");
        _harness.Dynamo.Contains(ReverseAliasItemCodec.PairKey("shop@example.com", "jane@sender.test")).ShouldBeTrue();
        forwarded.Headers["X-TacoMail-Alias"].ShouldBe("shop@example.com");
        forwarded.Headers.Select(h => h.Field).ShouldNotContain("DKIM-Signature");
        forwarded.Headers.Select(h => h.Field).ShouldNotContain("Return-Path");
        forwarded.Headers.Select(h => h.Field).ShouldNotContain("Sender");
    }

    [Fact]
    public async Task Invoke_S3Destination_FilesTheMessageAsStoredUnderTheMaildirName()
    {
        _harness.Alias("newsletters@example.com", "S3");
        var original = TestMessage.Simple();
        _harness.StoreMessage(original);

        var response = await _harness.InvokeAsync("newsletters@example.com");

        var key = _harness.Store.Keys.ShouldHaveSingleItem();
        key.ShouldStartWith("mailbox/example.com/newsletters/new/1746093600.T");
        _harness.Store.Content(key).ShouldBe(original);
        _harness.Sender.Sent.ShouldBeEmpty();
        response.GetProperty("recipients")[0].GetProperty("mailboxKey").GetString().ShouldBe(key);
    }

    [Theory]
    [InlineData(AliasState.Paused, "paused")]
    [InlineData(AliasState.Disabled, "disabled")]
    public async Task Invoke_AliasNotActive_SkipsItAndDeletesTheMessage(AliasState state, string reason)
    {
        _harness.Alias("shop@example.com", state: state);
        _harness.StoreMessage(TestMessage.Simple());

        var response = await _harness.InvokeAsync("shop@example.com");

        DeliveryHarness.Statuses(response).ShouldBe(["skipped"]);
        response.GetProperty("recipients")[0].GetProperty("reason").GetString().ShouldBe(reason);
        _harness.Sender.Sent.ShouldBeEmpty();
        _harness.Bounces.Requests.ShouldBeEmpty();
        _harness.Store.Contains(DeliveryHarness.IncomingKey).ShouldBeFalse();
    }

    [Fact]
    public async Task Invoke_UnknownAndInvalidRecipients_AreSkipped()
    {
        _harness.StoreMessage(TestMessage.Simple());

        var response = await _harness.InvokeAsync("nobody@example.com", "not-an-address");

        DeliveryHarness.Statuses(response).ShouldBe(["skipped", "skipped"]);
        response.GetProperty("recipients").EnumerateArray().Select(r => r.GetProperty("reason").GetString())
            .ShouldBe(["unknown", "invalid-address"]);
    }

    [Fact]
    public async Task Invoke_UnreadableAlias_QueuesTheMessageUntaggedAndLogsAnError()
    {
        var item = Schema.Records.AliasItemCodec.Encode(Disposition.TestAliases.Alias("shop@example.com", AliasState.Active));
        item.Remove(Schema.Table.TableContract.Identifier);
        _harness.Dynamo.Put(item);
        _harness.StoreMessage(TestMessage.Simple());

        var response = await _harness.InvokeAsync("shop@example.com");

        response.GetProperty("outcome").GetString().ShouldBe("queued");
        _harness.Store.Contains(DeliveryHarness.IncomingKey).ShouldBeTrue();
        _harness.Store.Tags(DeliveryHarness.IncomingKey).ShouldBeEmpty();
        _harness.Entry().LastError!.ShouldContain("unreadable");
        _harness.LastLog.GetProperty("level").GetString().ShouldBe("error");
    }

    [Fact]
    public async Task Invoke_NothingToDeliver_DoesNotReadTheMessage()
    {
        _harness.Alias("shop@example.com", state: AliasState.Paused);
        _harness.StoreMessage(TestMessage.Simple());

        await _harness.InvokeAsync("shop@example.com");

        _harness.Store.Downloads.ShouldBe(0);
    }

    [Fact]
    public async Task Invoke_TwoEmailAliases_ReadsTheMessageOnce()
    {
        _harness.Alias("shop@example.com");
        _harness.Alias("bank@example.com", "other@destination.test");
        _harness.StoreMessage(TestMessage.Simple());

        await _harness.InvokeAsync("shop@example.com", "bank@example.com");

        _harness.Store.Downloads.ShouldBe(1);
        _harness.Sender.Sent.Select(s => Encoding.UTF8.GetString(s.Message)).ShouldAllBe(m => m.Contains("X-TacoMail-Alias"));
        _harness.Sender.Sent.Select(s => s.From).ShouldBe(["shop@example.com", "bank@example.com"]);
    }

    [Fact]
    public async Task Invoke_ObjectWithForeignTags_KeepsThemWhileInProgress()
    {
        _harness.Alias("shop@example.com");
        _harness.Alias("bank@example.com", "other@destination.test");
        _harness.Store.Put(DeliveryHarness.IncomingKey, TestMessage.Simple(), new MailObjectTag("owner", "ops"));
        _harness.Sender.Script["other@destination.test"] = new SesException("throttled", "TooManyRequestsException", 429);

        (await _harness.InvokeAsync("shop@example.com", "bank@example.com")).GetProperty("outcome").GetString().ShouldBe("queued");

        _harness.Store.Tags(DeliveryHarness.IncomingKey).ShouldContain(new MailObjectTag("owner", "ops"));
    }
}
