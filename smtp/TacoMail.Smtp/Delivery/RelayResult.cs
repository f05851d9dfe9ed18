namespace TacoMail.Smtp.Delivery;

/// <summary>The outcome of one hand-over and the smarthost's words for it (addresses masked).</summary>
internal sealed record RelayResult(RelayOutcome Outcome, string Detail)
{
    public static RelayResult Sent { get; } = new(RelayOutcome.Sent, "sent");
}
