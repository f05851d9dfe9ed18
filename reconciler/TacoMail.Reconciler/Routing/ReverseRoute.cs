using Spectre.Console;
using TacoMail.Reconciler.Replies;
using TacoMail.Schema.Addresses;
using TacoMail.Schema.Model;
using TacoMail.Schema.Records;
using TacoMail.Schema.Replies;

namespace TacoMail.Reconciler.Routing;

/// <summary>
/// What <c>tacomail route</c> says about a reverse address (<c>reply.&lt;token&gt;@domain</c>), which the
/// mail path looks up before any alias: the reverse alias found in the table, the alias replies go
/// out from, and what happens to mail sent to it. The correspondent is a third party's address,
/// so it is masked, as <c>queue</c> masks senders.
/// </summary>
/// <param name="Recipient">The address as given.</param>
/// <param name="Reverse">The reverse alias the table holds under the address's token.</param>
/// <param name="Alias">The table's item of the alias it replies from, or null when it has none.</param>
internal sealed record ReverseRoute(string Recipient, ReverseAliasRecord Reverse, AliasRecord? Alias)
{
    /// <summary>The label and markup of each line, in order.</summary>
    public IReadOnlyList<(string Label, string Markup)> Lines()
    {
        var alias = Markup.Escape(Reverse.Alias);
        var correspondent = Markup.Escape(AddressMask.Mask(Reverse.Correspondent));
        return
        [
            ("address", Markup.Escape(Recipient)),
            ("looked up as", Markup.Escape($"{Reverse.Address} (reverse address, item {Reverse.Address.ItemKey.SubDomain}/{Reverse.Address.ItemKey.LocalPart}): checked before any alias or sub-address")),
            ("table", $"a reverse address: replies from the owner go out as {alias} to {correspondent} " +
                Markup.Escape($"(created {ReverseAliasListing.Time(Reverse.CreatedDatetime)}, last used {ReverseAliasListing.Time(Reverse.LastUsedDatetime)})")),
            ("alias", Alias is { } item
                ? Markup.Escape($"{Reverse.Alias}: {item.State.ToName()}, destination {item.Destination}")
                : $"{alias}: no item"),
            ("disposition", Alias is { State: AliasState.Active }
                ? $"[green]reply[/]: sent as {alias} to {correspondent} once the delivery has checked that it comes from the alias's destination"
                : $"[yellow]drop[/] silently: {alias} is {(Alias is { } stopped ? stopped.State.ToName() : "gone")}, so replies through it stop (never bounced)"),
        ];
    }
}
