namespace TacoMail.Lambda.Delivery.Storage;

/// <summary>One S3 object tag, kept apart from the SDK's type so the delivery logic is tested without S3.</summary>
internal sealed record MailObjectTag(string Key, string Value);
