namespace TacoMail.Schema.Routing;

/// <summary>
/// What the routing rules know about one received message besides its recipients: who a bounce
/// would go to (the envelope sender), SES's verdicts, and the header fields that mark automatic
/// mail. Kept free of SES types so that <c>tacomail route</c> and any other host decide alike.
/// </summary>
/// <param name="EnvelopeSender">MAIL FROM as received; null or empty for the null reverse path <c>&lt;&gt;</c>.</param>
/// <param name="Verdicts">SES's checks.</param>
/// <param name="Headers">The message's top-level header fields (only the RFC 3834 ones are read).</param>
public sealed record MessageFacts(string? EnvelopeSender, MessageVerdicts Verdicts, IReadOnlyList<MessageHeader> Headers)
{
    /// <summary>A message from <paramref name="envelopeSender"/> with <paramref name="verdicts"/> and no headers.</summary>
    public static MessageFacts Of(string? envelopeSender, MessageVerdicts verdicts) => new(envelopeSender, verdicts, []);
}
