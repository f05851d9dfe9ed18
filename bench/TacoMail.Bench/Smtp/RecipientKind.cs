namespace TacoMail.Bench.Smtp;

/// <summary>What the table holds for a benchmark recipient, and so what RCPT must answer.</summary>
internal enum RecipientKind
{
    /// <summary>An active alias: 250, the message is queued.</summary>
    Active,

    /// <summary>A paused alias: 250, the message is dropped for it.</summary>
    Paused,

    /// <summary>No such alias: 550 5.1.1.</summary>
    Unknown,
}
