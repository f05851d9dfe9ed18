using System.Text.Json;
using TacoMail.Lambda.Delivery;
using TacoMail.Lambda.Events;

namespace TacoMail.Lambda.Tests.Delivery;

public sealed class DeliveryEventReaderTests
{
    [Fact]
    public void TryRead_DocumentedEvent_ReadsTheMessageAndTheReceiptTime()
    {
        var sesEvent = Parse(DeliveryHarness.Event(["shop@example.com"]));

        DeliveryEventReader.TryRead(sesEvent, out var delivery, out _).ShouldBeTrue();

        delivery.Message.MessageId.ShouldBe(DeliveryHarness.MessageId);
        delivery.Message.Recipients.ShouldBe(["shop@example.com"]);
        delivery.ReceivedAt.ShouldBe(new DateTimeOffset(2025, 5, 1, 10, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void TryRead_NoTimestamp_LeavesTheTimeOpen()
    {
        DeliveryEventReader.TryRead(Parse(DeliveryHarness.Event(["a@example.com"], timestamp: null)), out var delivery, out _).ShouldBeTrue();

        delivery.ReceivedAt.ShouldBeNull();
    }

    [Fact]
    public void TryRead_NoRecipients_SaysWhy()
    {
        DeliveryEventReader.TryRead(Parse(DeliveryHarness.Event([])), out _, out var problem).ShouldBeFalse();

        problem.ShouldContain("no recipients");
    }

    private static SesEvent? Parse(string json) => JsonSerializer.Deserialize(json, SesEventJsonContext.Default.SesEvent);
}
