using TacoMail.IntegrationTests.Lambda;

namespace TacoMail.IntegrationTests.Delivery;

/// <summary>The SES event of the rule's Event action after the S3 store, with the values a test chooses.</summary>
internal static class DeliveryTestEvent
{
    public const string Sender = "jane@sender.test";
    public const string Timestamp = SesTestEvent.Timestamp;

    public static string Create(string messageId, IReadOnlyList<string> recipients, bool authenticated = true) =>
        SesTestEvent.Create(messageId, Sender, recipients, authenticated, "Event", "delivery");

    /// <summary>The event EventBridge's schedule sends.</summary>
    public const string Schedule =
        """{"version":"0","id":"sched-1","detail-type":"Scheduled Event","source":"aws.events","account":"123456789012","time":"2026-12-01T10:00:00Z","region":"us-east-1","resources":[],"detail":{}}""";

    public static string NewMessageId() => $"it{Guid.NewGuid():N}";
}
