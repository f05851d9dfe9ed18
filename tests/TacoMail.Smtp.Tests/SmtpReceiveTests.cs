using System.Text.Json;
using MailKit.Net.Smtp;
using TacoMail.Schema.Model;
using TacoMail.Schema.Records;
using TacoMail.Testing;
using TacoMail.Testing.DynamoDb;

using static TacoMail.Smtp.Tests.TestMail;

namespace TacoMail.Smtp.Tests;

/// <summary>MailKit's SmtpClient against the running server, the table in DynamoDB Local applied from YAML.</summary>
public sealed class SmtpReceiveTests(DynamoDbLocalFixture dynamo)
{
    private static JsonElement Envelope(string path) => JsonDocument.Parse(File.ReadAllBytes(path)).RootElement;

    [Fact]
    public async Task Send_ToActiveAlias_QueuedByteForByteAndCounted()
    {
        await using var harness = await SmtpHarness.StartAsync(dynamo);
        var before = await harness.UseCountAsync("shop");
        var message = Message("shop@example.com");

        var answer = await SendAsync(harness.Port, message);

        answer.ShouldStartWith("2.0.0 Ok: queued as ");
        var queued = harness.Queued(".eml").ShouldHaveSingleItem();
        var bytes = await File.ReadAllBytesAsync(queued, TestContext.Current.CancellationToken);
        WithoutTrace(bytes).ShouldBe(Wire.Of(message));
        System.Text.Encoding.ASCII.GetString(bytes).ShouldStartWith(
            $"Return-Path: <jane@sender.example>\r\nReceived: from [127.0.0.1]\r\n\tby tacomail with ESMTP id {Path.GetFileNameWithoutExtension(queued)};\r\n\t");
        var envelope = Envelope(Path.ChangeExtension(queued, ".json"));
        envelope.GetProperty("sender").GetString().ShouldBe("jane@sender.example");
        var recipient = envelope.GetProperty("recipients").EnumerateArray().ShouldHaveSingleItem();
        recipient.GetProperty("alias").GetString().ShouldBe("shop@example.com");
        recipient.GetProperty("decision").GetString().ShouldBe("deliver");
        (await harness.UseCountAsync("shop")).ShouldBe(before + 1);
        Directory.GetFiles(harness.Spool.Tmp).ShouldBeEmpty();
        harness.Log.ShouldContain("decision=queued");
        harness.Log.ShouldNotContain("shop@example.com");
        harness.Log.ShouldNotContain("A test");
    }

    [Fact]
    public async Task Rcpt_DisabledAlias_Refused550AndCountedAsUse()
    {
        await using var harness = await SmtpHarness.StartAsync(dynamo);
        var before = await harness.UseCountAsync("old-bank");

        var refused = await Should.ThrowAsync<SmtpCommandException>(() => SendAsync(harness.Port, Message("old-bank@example.com")));

        refused.StatusCode.ShouldBe(SmtpStatusCode.MailboxUnavailable);
        refused.ErrorCode.ShouldBe(SmtpErrorCode.RecipientNotAccepted);
        refused.Message.ShouldStartWith("5.1.1");
        (await harness.UseCountAsync("old-bank")).ShouldBe(before + 1);
        harness.Queued(".eml").ShouldBeEmpty();
    }

    [Fact]
    public async Task Rcpt_UnknownAddress_Refused550()
    {
        await using var harness = await SmtpHarness.StartAsync(dynamo);

        var refused = await Should.ThrowAsync<SmtpCommandException>(() => SendAsync(harness.Port, Message("nobody@example.com")));

        refused.StatusCode.ShouldBe(SmtpStatusCode.MailboxUnavailable);
        refused.Message.ShouldStartWith("5.1.1");
        harness.Queued(".eml").ShouldBeEmpty();
    }

    [Fact]
    public async Task Send_ToPausedAlias_AcceptedRecordedAsDroppedAndNothingQueued()
    {
        await using var harness = await SmtpHarness.StartAsync(dynamo);
        var before = await harness.UseCountAsync("noisy");

        var answer = await SendAsync(harness.Port, Message("noisy@example.com"));

        answer.ShouldStartWith("2.0.0");
        Directory.GetFiles(harness.Spool.Queue).ShouldBeEmpty();
        var dropped = Directory.GetFiles(harness.Spool.Dropped).ShouldHaveSingleItem();
        Envelope(dropped).GetProperty("recipients")[0].GetProperty("decision").GetString().ShouldBe("drop");
        (await harness.UseCountAsync("noisy")).ShouldBe(before + 1);
    }

    [Fact]
    public async Task Send_ToActiveAndPaused_QueuedOnceWithEachDecision()
    {
        await using var harness = await SmtpHarness.StartAsync(dynamo);

        await SendAsync(harness.Port, Message("shop@example.com"), recipients: ["shop@example.com", "noisy@example.com"]);

        var queued = harness.Queued(".json").ShouldHaveSingleItem();
        Envelope(queued).GetProperty("recipients").EnumerateArray()
            .Select(r => $"{r.GetProperty("address").GetString()}={r.GetProperty("decision").GetString()}")
            .ShouldBe(["shop@example.com=deliver", "noisy@example.com=drop"]);
    }

    [Fact]
    public async Task Send_ToSubAddress_ReachesTheAlias()
    {
        await using var harness = await SmtpHarness.StartAsync(dynamo);
        var before = await harness.UseCountAsync("shop");

        await SendAsync(harness.Port, Message("shop+promo@example.com"));

        var recipient = Envelope(harness.Queued(".json").ShouldHaveSingleItem()).GetProperty("recipients")[0];
        recipient.GetProperty("address").GetString().ShouldBe("shop+promo@example.com");
        recipient.GetProperty("alias").GetString().ShouldBe("shop@example.com");
        (await harness.UseCountAsync("shop")).ShouldBe(before + 1);
    }

    [Fact]
    public async Task Send_AliasNamedExactlyWithSeparator_ExactMatchWins()
    {
        await using var harness = await SmtpHarness.StartAsync(dynamo);
        // YAML refuses a separator in a name; a table from the Postfix era may still hold one.
        await harness.Table.PutItemAsync(
            harness.TableName,
            AliasItemCodec.Encode(new AliasRecord(new ItemKey(SmtpHarness.Domain, "a+b"), "me@gmail.com", AliasState.Active, Guid.NewGuid().ToString(), 1, 1, 0)),
            TestContext.Current.CancellationToken);

        await SendAsync(harness.Port, Message("a+b@example.com"));

        Envelope(harness.Queued(".json").ShouldHaveSingleItem()).GetProperty("recipients")[0]
            .GetProperty("alias").GetString().ShouldBe("a+b@example.com");
        (await harness.UseCountAsync("a+b")).ShouldBe(1);
    }

    [Fact]
    public async Task Rcpt_TableUnreachable_Deferred451()
    {
        var closed = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}");
        await using var harness = await SmtpHarness.StartAsync(dynamo, serverEndpoint: closed);

        var deferred = await Should.ThrowAsync<SmtpCommandException>(() => SendAsync(harness.Port, Message("shop@example.com")));

        ((int)deferred.StatusCode).ShouldBe(451);
        deferred.Message.ShouldStartWith("4.3.0");
        harness.Queued(".eml").ShouldBeEmpty();
        harness.Log.ShouldContain("reason=lookup-failed");
    }
}
