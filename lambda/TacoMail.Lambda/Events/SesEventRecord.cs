namespace TacoMail.Lambda.Events;

/// <summary>One message in an <see cref="SesEvent"/> (SES sends exactly one per invocation).</summary>
internal sealed record SesEventRecord
{
    /// <summary><c>aws:ses</c>.</summary>
    public string? EventSource { get; init; }

    public string? EventVersion { get; init; }

    public SesService? Ses { get; init; }
}
