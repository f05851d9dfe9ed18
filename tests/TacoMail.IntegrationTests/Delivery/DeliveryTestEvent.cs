using TacoMail.IntegrationTests.Lambda;

namespace TacoMail.IntegrationTests.Delivery;

/// <summary>The SES event of the rule's Event action after the S3 store, with the values a test chooses.</summary>
internal static class DeliveryTestEvent
{
    public const string Sender = "jane@sender.test";
    public const string Timestamp = SesTestEvent.Timestamp;

    public static string Create(string messageId, IReadOnlyList<string> recipients, bool authenticated = true) =>
        SesTestEvent.Create(messageId, Sender, recipients, authenticated, "Event", "delivery");

    public static string NewMessageId() => $"it{Guid.NewGuid():N}";
}
