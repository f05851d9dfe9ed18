namespace TacoMail.Lambda.Delivery;

/// <summary>The re-check's answer: the aliases to deliver to, and a report for every recipient that is not.</summary>
internal sealed record RecipientCheck(IReadOnlyList<DeliveryTarget> Targets, IReadOnlyList<RecipientReport> NotDelivered);
