using TacoMail.MailPath.Messages;

namespace TacoMail.MailPath.Replies;

/// <summary>What <see cref="ReplyCheck"/> found: the reply may go out (with its header fields), loops, or is refused, and why.</summary>
public sealed record ReplyDecision
{
    private ReplyDecision(IReadOnlyList<HeaderField>? fields, string? loop, string? refusal) => (Fields, Loop, Refusal) = (fields, loop, refusal);

    /// <summary>The reply's top-level header fields when it may be sent; null otherwise.</summary>
    public IReadOnlyList<HeaderField>? Fields { get; }

    /// <summary>The loop it would feed, when it has passed through the alias before.</summary>
    public string? Loop { get; }

    /// <summary>Why it may not be sent (the message is unreadable, or not proven the owner's), in words that name no address.</summary>
    public string? Refusal { get; }

    public static ReplyDecision Accepted(IReadOnlyList<HeaderField> fields) => new(fields, null, null);

    public static ReplyDecision Looping(string loop) => new(null, loop, null);

    public static ReplyDecision Refused(string refusal) => new(null, null, refusal);
}
