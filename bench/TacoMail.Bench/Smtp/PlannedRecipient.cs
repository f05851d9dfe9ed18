namespace TacoMail.Bench.Smtp;

/// <summary>One envelope recipient of a benchmark message.</summary>
internal sealed record PlannedRecipient(string Address, RecipientKind Kind)
{
    /// <summary>The reply code RCPT must give.</summary>
    public int ExpectedCode => Kind == RecipientKind.Unknown ? 550 : 250;
}
