namespace TacoMail.Lambda.Logging;

/// <summary>What became of the message's bounce, when one was due.</summary>
/// <param name="Status"><c>sent</c>, <c>suppressed</c>, <c>failed</c> or <c>skipped</c>.</param>
/// <param name="Recipients">How many recipients it covered (or would have).</param>
/// <param name="BounceMessageId">SES's id of the bounce, when sent.</param>
/// <param name="Reason">Why it was not sent, e.g. <c>bounce suppressed: sender not authenticated</c>.</param>
internal sealed record BounceLogEntry(string Status, int Recipients, string? BounceMessageId, string? Reason);
