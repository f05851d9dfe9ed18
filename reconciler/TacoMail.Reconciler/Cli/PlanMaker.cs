using Amazon.DynamoDBv2;
using Spectre.Console;
using TacoMail.Reconciler.Config;
using TacoMail.Reconciler.Planning;
using TacoMail.Reconciler.Table.Reading;

namespace TacoMail.Reconciler.Cli;

/// <summary>
/// Reads the table and plans against the configuration — the part <c>plan</c> and <c>apply</c>
/// share — showing the read's progress on a terminal.
/// </summary>
internal sealed class PlanMaker(IAnsiConsole console, TimeProvider time)
{
    /// <param name="config">The validated YAML.</param>
    /// <param name="client">The table's client.</param>
    /// <param name="tableName">The table.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <param name="scope">Which differences to plan (default: all).</param>
    public async Task<Plan> MakeAsync(TacoMailConfig config, IAmazonDynamoDB client, string tableName, CancellationToken cancellationToken, PlanScope scope = PlanScope.All)
    {
        ArgumentNullException.ThrowIfNull(config);
        var reader = new TableReader(client);
        ActualState actual;
        if (console.Profile.Capabilities.Interactive)
        {
            actual = await console.Status().StartAsync($"reading table '{tableName}'", context =>
                reader.ReadAsync(tableName, new InlineProgress<int>(count => context.Status($"reading table '{tableName}': {count:N0} items")), cancellationToken));
        }
        else
        {
            actual = await reader.ReadAsync(tableName, null, cancellationToken);
        }

        return Planner.Plan(DesiredStateBuilder.From(config), actual, config.Safety, time.GetUtcNow(), scope);
    }
}
