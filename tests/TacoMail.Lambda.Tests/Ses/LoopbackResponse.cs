namespace TacoMail.Lambda.Tests.Ses;

/// <summary>What the loopback listener answers; <see cref="Hang"/> never answers.</summary>
internal sealed record LoopbackResponse(int StatusCode, string Body, string ContentType = "text/xml")
{
    public static LoopbackResponse Hang { get; } = new(0, string.Empty);
}
