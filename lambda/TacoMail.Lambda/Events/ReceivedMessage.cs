using TacoMail.Schema.Routing;

namespace TacoMail.Lambda.Events;

/// <summary>What the disposition needs from an <see cref="SesEvent"/>, checked: the rest of the event is ignored.</summary>
/// <param name="MessageId">SES's message id (bounces refer to it).</param>
/// <param name="Source">The envelope sender, when SES sent one.</param>
/// <param name="Recipients">The envelope recipients as received, none blank.</param>
/// <param name="Verdicts">SES's checks on the message.</param>
/// <param name="Headers">The top-level header fields SES lists (sender-controlled: read only by the backscatter rules, never logged).</param>
internal sealed record ReceivedMessage(
    string MessageId,
    string? Source,
    IReadOnlyList<string> Recipients,
    MessageVerdicts Verdicts,
    IReadOnlyList<MessageHeader> Headers)
{
    /// <summary>What the shared routing rules read of the message.</summary>
    public MessageFacts Facts => new(Source, Verdicts, Headers);
}
