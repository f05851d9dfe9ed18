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
    /// <summary>Whether its <c>use_count</c> goes up: <see cref="UseCountIncrementer.CountsAsUse"/>, the rule of every host.</summary>
    public bool CountsAsUse => UseCountIncrementer.CountsAsUse(Lookup);
}
