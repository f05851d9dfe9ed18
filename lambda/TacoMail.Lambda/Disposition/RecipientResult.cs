using TacoMail.MailPath.Recipients;
using TacoMail.Schema.Records;
using TacoMail.Schema.Routing;

namespace TacoMail.Lambda.Disposition;

/// <summary>What happened to one recipient of the message.</summary>
/// <param name="Recipient">The envelope recipient as received (bounces and logs use it as is).</param>
/// <param name="Key">The alias key it was looked up under; null for an invalid address.</param>
/// <param name="Lookup">How the lookup went.</param>
/// <param name="Decision">The routing decision; null when the lookup failed and the message is stored undecided (fail-safe).</param>
internal sealed record RecipientResult(string Recipient, ItemKey? Key, LookupStatus Lookup, RecipientDecision? Decision)
{
    /// <summary>An existing alias received the message (delivered or dropped): its <c>use_count</c> goes up.</summary>
    public bool CountsAsUse =>
        Lookup == LookupStatus.Found && Decision?.Outcome is RecipientOutcome.Deliver or RecipientOutcome.Drop;
}
