using TacoMail.Schema.Records;

namespace TacoMail.Schema.Routing;

/// <summary>
/// A recipient address reduced to the table key it is looked up under: lower case, punycode
/// domain, sub-address removed. <see cref="SubAddress"/> keeps what was stripped (without its
/// separator) so that callers can explain it.
/// </summary>
public sealed record RecipientLookup(string Recipient, ItemKey Key, string? Separator, string? SubAddress);
