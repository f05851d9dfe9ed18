using Spectre.Console;

namespace TacoMail.Reconciler.Replies;

/// <summary>An alias's reverse addresses for people: one table row each, then the count.</summary>
internal static class ReverseAliasTextRenderer
{
    public static void Render(ReverseAliasListing listing, IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(listing);
        ArgumentNullException.ThrowIfNull(console);
        if (listing.ReverseAliases.Count == 0)
        {
            console.MarkupLineInterpolated(
                $"{listing.Alias} has no reverse addresses yet: forwarded mail gets one per sender, and [bold]tacomail contact {listing.Alias} ADDRESS[/] makes one to write first");
            return;
        }

        var table = new Spectre.Console.Table().Border(TableBorder.Simple)
            .AddColumn("reverse address")
            .AddColumn("correspondent")
            .AddColumn("created")
            .AddColumn("last used");
        foreach (var record in listing.ReverseAliases)
        {
            table.AddRow(
                new Text(record.Address.Address),
                new Text(record.Correspondent),
                new Text(ReverseAliasListing.Time(record.CreatedDatetime)),
                new Text(ReverseAliasListing.Time(record.LastUsedDatetime)));
        }

        console.Write(table);
        console.WriteLine($"{listing.ReverseAliases.Count} reverse address(es) of {listing.Alias}");
    }
}
