using Amazon.DynamoDBv2;
using TacoMail.Reconciler.Config;
using TacoMail.Reconciler.Planning;

namespace TacoMail.Reconciler.Cli;

/// <summary>
/// Reads the table and plans against the configuration — the part <c>plan</c> and <c>apply</c>
/// share.
/// </summary>
internal sealed class PlanMaker(TableScanner scanner, TimeProvider time)
{
    /// <param name="config">The validated YAML.</param>
    /// <param name="client">The table's client.</param>
    /// <param name="tableName">The table.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <param name="scope">Which differences to plan (default: all).</param>
    public async Task<Plan> MakeAsync(TacoMailConfig config, IAmazonDynamoDB client, string tableName, CancellationToken cancellationToken, PlanScope scope = PlanScope.All)
    {
        ArgumentNullException.ThrowIfNull(config);
        var actual = await scanner.ReadAsync(client, tableName, cancellationToken);
        return Planner.Plan(DesiredStateBuilder.From(config), actual, config.Safety, time.GetUtcNow(), scope);
    }
}
