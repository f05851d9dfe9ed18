namespace TacoMail.Lambda.Delivery;

/// <summary>
/// What the handler returns. SES ignores it (the action is an Event invocation); <c>invoke</c>
/// prints it, so a local run shows what happened without reading the log.
/// </summary>
internal sealed record DeliveryResponse(string? MessageId, string Outcome, IReadOnlyList<DeliveryRecipientLogEntry> Recipients);
