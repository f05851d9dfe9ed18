using TacoMail.Schema.Records;

namespace TacoMail.Schema.Replies;

/// <summary>
/// One reverse alias as stored: which alias replies go out from, and to whom. The owner's own
/// address is not stored here: a reply is checked against the alias's destination as it is when
/// the reply arrives, so a changed destination takes effect at once.
/// </summary>
/// <param name="Address">The reverse address (its domain is the alias's domain).</param>
/// <param name="Alias">The alias address, <c>local@domain</c>.</param>
/// <param name="Correspondent">Where replies go: the original sender's address.</param>
/// <param name="CreatedDatetime">When it was created, Unix seconds.</param>
/// <param name="LastUsedDatetime">When a reply last went out through it, Unix seconds; null when never.</param>
public sealed record ReverseAliasRecord(
    ReverseAddress Address, string Alias, string Correspondent, long CreatedDatetime, long? LastUsedDatetime)
{
    /// <summary>The table key of <see cref="Alias"/> (the decoder accepts only an alias with a local part and a domain).</summary>
    public ItemKey AliasKey
    {
        get
        {
            var at = Alias.LastIndexOf('@');
            return new ItemKey(Alias[(at + 1)..], Alias[..at]);
        }
    }
}
