namespace TacoMail.Smtp.Spool;

/// <summary>One accepted recipient of a queued message.</summary>
/// <param name="Address">The envelope recipient as received.</param>
/// <param name="Alias">The alias (or reverse address) it resolved to at RCPT time.</param>
/// <param name="Status">The table's status then: active, paused, reply, …</param>
/// <param name="Decision"><c>deliver</c> or <c>drop</c>.</param>
internal sealed record SpoolRecipient(string Address, string? Alias, string Status, string Decision);
