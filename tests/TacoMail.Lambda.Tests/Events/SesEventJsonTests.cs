using System.Text;
using System.Text.Json;
using TacoMail.Lambda.Events;

namespace TacoMail.Lambda.Tests.Events;

public sealed class SesEventJsonTests
{
    private static SesEvent Parse(string json) =>
        JsonSerializer.Deserialize(json, SesEventJsonContext.Default.SesEvent).ShouldNotBeNull();

    private static string EventWithReceiptProperty(string name, string json) =>
        "{\"Records\":[{\"ses\":{\"receipt\":{\"" + name + "\":" + json + ",\"recipients\":[\"a@b.c\"]}}}]}";

    private static string Write(SesEvent sesEvent) =>
        JsonSerializer.Serialize(sesEvent, SesEventJsonContext.Default.SesEvent);

    [Fact]
    public void FullEvent_RoundTrips()
    {
        var first = Parse(TestEvent.ReadFile("full-event.json"));
        var json = Write(first);
        var second = Parse(json);

        second.ShouldBeEquivalentTo(first);
        Write(second).ShouldBe(json);
    }

    [Fact]
    public void FullEvent_ReadsEveryPart()
    {
        var record = Parse(TestEvent.ReadFile("full-event.json")).Records.ShouldHaveSingleItem();
        record.EventSource.ShouldBe("aws:ses");
        record.EventVersion.ShouldBe("1.0");

        var mail = record.Ses!.Mail!;
        mail.MessageId.ShouldBe(TestEvent.MessageId);
        mail.Source.ShouldBe("bounces+1234@mailer.sender.test");
        mail.Destination.ShouldBe(["shop@example.com", "news+weekly@example.com"]);
        mail.HeadersTruncated.ShouldBe(false);
        mail.Headers!.Count.ShouldBe(8);
        mail.Headers[0].ShouldBe(new SesHeader { Name = "Return-Path", Value = "<bounces+1234@mailer.sender.test>" });
        mail.CommonHeaders!.Subject.ShouldBe("Top secret subject line");
        mail.CommonHeaders.Cc.ShouldBe(["news+weekly@example.com"]);

        var receipt = record.Ses.Receipt!;
        receipt.ProcessingTimeMillis.ShouldBe(412);
        receipt.Recipients.ShouldBe(["shop@example.com", "news+weekly@example.com"]);
        receipt.SpamVerdict!.Status.ShouldBe("PASS");
        receipt.DmarcVerdict!.Status.ShouldBe("PASS");
        receipt.DmarcPolicy.ShouldBeNull();
        receipt.Action!.Type.ShouldBe("Lambda");
        receipt.Action.InvocationType.ShouldBe("RequestResponse");
        receipt.Action.FunctionArn.ShouldEndWith(":function:tacomail-disposition");
    }

    [Fact]
    public void LenientEvent_AcceptsLooseShapes()
    {
        var record = Parse(TestEvent.ReadFile("lenient-event.json")).Records.ShouldHaveSingleItem();
        var mail = record.Ses!.Mail!;
        mail.HeadersTruncated.ShouldBeNull();
        mail.Headers.ShouldBeNull();
        mail.CommonHeaders.ShouldBeNull();

        var receipt = record.Ses.Receipt!;
        receipt.ProcessingTimeMillis.ShouldBe(87);
        receipt.VirusVerdict.ShouldBeNull();
        receipt.SpfVerdict.ShouldBeNull();
        receipt.DmarcPolicy.ShouldBe("REJECT");
        receipt.Action!.BucketName.ShouldBe("mail-bucket");
        receipt.Action.ObjectKey.ShouldBe("incoming/lenient0message0id");
    }

    [Theory]
    [InlineData("412", 412L)]
    [InlineData("\"412\"", 412L)]
    [InlineData("\"soon\"", null)]
    [InlineData("4.5", null)]
    [InlineData("null", null)]
    [InlineData("{\"ms\":1}", null)]
    [InlineData("[1]", null)]
    public void ProcessingTimeMillis_NumberOrString_ReadsLeniently(string value, long? expected) =>
        Parse(EventWithReceiptProperty("processingTimeMillis", value))
            .Records![0].Ses!.Receipt!.ProcessingTimeMillis.ShouldBe(expected);

    [Theory]
    [InlineData("\"reject\"", "reject")]
    [InlineData("{\"status\":\"QUARANTINE\",\"other\":[1]}", "QUARANTINE")]
    [InlineData("{}", null)]
    [InlineData("7", null)]
    [InlineData("null", null)]
    public void DmarcPolicy_StringOrObject_ReadsLeniently(string value, string? expected) =>
        Parse(EventWithReceiptProperty("dmarcPolicy", value))
            .Records![0].Ses!.Receipt!.DmarcPolicy.ShouldBe(expected);

    [Fact]
    public void UnknownProperties_AreIgnored() =>
        Parse("""{"Records":[{"x":1,"ses":{"y":{"z":[]},"receipt":{"recipients":["a@b.c"],"new":null}}}],"extra":"v"}""")
            .Records![0].Ses!.Receipt!.Recipients.ShouldBe(["a@b.c"]);

    [Theory]
    [InlineData(DispositionResponse.Continue, """{"disposition":"CONTINUE"}""")]
    [InlineData(DispositionResponse.StopRule, """{"disposition":"STOP_RULE"}""")]
    public void DispositionResponse_SerializesExactly(string disposition, string expected) =>
        Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(
            new DispositionResponse(disposition), SesEventJsonContext.Default.DispositionResponse)).ShouldBe(expected);
}
