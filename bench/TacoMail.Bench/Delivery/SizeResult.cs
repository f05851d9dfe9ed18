namespace TacoMail.Bench.Delivery;

/// <summary>The measured forwards of one attachment size.</summary>
internal sealed record SizeResult(
    int AttachmentBytes,
    long MessageBytes,
    long RequestBytes,
    IReadOnlyList<ForwardFigures> InProcess,
    IReadOnlyList<ForwardFigures> Aot);
