using System.Text.Json.Serialization;

namespace TacoMail.Lambda.Events;

/// <summary>
/// The event an SES receipt rule's Lambda action sends. Every member is nullable because AWS
/// documents the shape loosely; <see cref="ReceivedMessageReader"/> decides what is required.
/// </summary>
internal sealed record SesEvent
{
    [JsonPropertyName("Records")]
    public IReadOnlyList<SesEventRecord>? Records { get; init; }
}
