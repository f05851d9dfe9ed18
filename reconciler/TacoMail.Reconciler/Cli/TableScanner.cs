using Amazon.DynamoDBv2;
using Spectre.Console;
using TacoMail.Reconciler.Planning;
using TacoMail.Reconciler.Table.Reading;

namespace TacoMail.Reconciler.Cli;

/// <summary>
/// Reads the whole table (Scan calls only) for <c>plan</c>, <c>apply</c>, <c>drift</c> and
/// <c>stats</c>, showing the count of items read on a terminal; in CI logs it stays quiet.
/// </summary>
internal sealed class TableScanner(IAnsiConsole console)
{
    public async Task<ActualState> ReadAsync(IAmazonDynamoDB client, string tableName, CancellationToken cancellationToken)
    {
        var reader = new TableReader(client);
        if (!console.Profile.Capabilities.Interactive)
        {
            return await reader.ReadAsync(tableName, null, cancellationToken);
        }

        return await console.Status().StartAsync($"reading table '{tableName}'", context =>
            reader.ReadAsync(tableName, new InlineProgress<int>(count => context.Status($"reading table '{tableName}': {count:N0} items")), cancellationToken));
    }
}
