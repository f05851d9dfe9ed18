namespace TacoMail.Testing.Ses;

/// <summary>A decoded SES v2 <c>SendEmail</c> request: the JSON fields and the raw message.</summary>
public sealed record SentEmail(string From, IReadOnlyList<string> To, byte[] RawMessage, string? FeedbackAddress);
