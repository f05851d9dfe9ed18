using TacoMail.Schema.Routing;

namespace TacoMail.Lambda.Events;

/// <summary>What the disposition needs from an <see cref="SesEvent"/>, checked: the rest of the event is ignored.</summary>
/// <param name="MessageId">SES's message id (bounces refer to it).</param>
/// <param name="Source">The envelope sender, when SES sent one.</param>
/// <param name="Recipients">The envelope recipients as received, none blank.</param>
/// <param name="Verdicts">SES's checks on the message.</param>
internal sealed record ReceivedMessage(
    string MessageId,
    string? Source,
    IReadOnlyList<string> Recipients,
    MessageVerdicts Verdicts);
