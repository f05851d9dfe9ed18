namespace TacoMail.Lambda.Events;

/// <summary>A verdict object, <c>{"status":"PASS"}</c>; the status is parsed by <see cref="Schema.Routing.VerdictStatusNames"/>.</summary>
internal sealed record SesVerdict
{
    public string? Status { get; init; }
}
