using System.Text.Json.Serialization;

namespace TacoMail.Smtp.Spool;

/// <summary>
/// The envelope queued beside a message (<c>queue/&lt;id&gt;.json</c>): what the SMTP conversation
/// said that the message itself does not, and each recipient's RCPT-time decision, so the delivery
/// honours exactly what was answered, and the delivery's progress (rewritten atomically after each
/// step, so a restart resumes where it stopped and never delivers a recipient twice). Format 1.
/// </summary>
/// <param name="Format">The envelope format; 1.</param>
/// <param name="Id">The queue id, also the file names' stem.</param>
/// <param name="Sender">The envelope sender (MAIL FROM); empty for the null sender.</param>
/// <param name="ReceivedAt">When the message was accepted.</param>
/// <param name="Recipients">The accepted recipients, in RCPT order.</param>
internal sealed record SpoolEnvelope(int Format, string Id, string Sender, DateTimeOffset ReceivedAt, IReadOnlyList<SpoolRecipient> Recipients)
{
    public const int CurrentFormat = 1;

    /// <summary>
    /// The client's IP address: SPF asks whether it may send for the envelope sender's domain, which
    /// proves an owner's reply through a reverse address (and a sender who may be told of a bounce).
    /// Null in envelopes written before it was recorded: such a message proves nothing.
    /// </summary>
    public string? Client { get; init; }

    /// <summary>Delivery attempts that did not finish.</summary>
    public int Attempts { get; init; }

    /// <summary>When to try again; null: as soon as possible.</summary>
    public DateTimeOffset? NextAttemptAt { get; init; }

    /// <summary>Why the last attempt did not finish, or why the message was given up (addresses masked).</summary>
    public string? LastError { get; init; }

    /// <summary>The envelope sender, null for the null sender <c>&lt;&gt;</c> (as the mail path's rules take it).</summary>
    [JsonIgnore]
    public string? SenderOrNull => Sender.Length == 0 ? null : Sender;

    public bool IsDueAt(DateTimeOffset now) => NextAttemptAt is not { } next || next <= now;
}
