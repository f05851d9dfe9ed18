using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace TacoMail.Reconciler.Table;

/// <summary>
/// Polls <c>DescribeTable</c> until the table and all its indexes are ACTIVE. On AWS a new table
/// takes seconds and a new index on a full table minutes; DynamoDB Local is immediate, so the
/// interval starts short and backs off.
/// </summary>
internal sealed class TableStatusWaiter
{
    private static readonly TimeSpan FirstInterval = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan MaxInterval = TimeSpan.FromSeconds(5);

    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _timeout;

    public TableStatusWaiter(TimeProvider timeProvider, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
        _timeout = timeout;
    }

    /// <exception cref="TableInitException">The table is being deleted or did not settle in time.</exception>
    public async Task<TableDescription> WaitUntilActiveAsync(
        IAmazonDynamoDB client, string tableName, CancellationToken cancellationToken)
    {
        var started = _timeProvider.GetTimestamp();
        var interval = FirstInterval;
        while (true)
        {
            var table = await TryDescribeAsync(client, tableName, cancellationToken);
            if (table is not null)
            {
                if (table.TableStatus == TableStatus.DELETING)
                {
                    throw new TableInitException($"Table '{tableName}' is being deleted; wait and run init again.");
                }

                if (IsActive(table))
                {
                    return table;
                }
            }

            if (_timeProvider.GetElapsedTime(started) > _timeout)
            {
                throw new TableInitException(
                    $"Table '{tableName}' did not become ACTIVE within {_timeout.TotalMinutes:0} minutes "
                    + $"(status {table?.TableStatus?.Value ?? "not visible yet"}); run init again later.");
            }

            await Task.Delay(interval, _timeProvider, cancellationToken);
            interval = TimeSpan.FromTicks(Math.Min(interval.Ticks * 2, MaxInterval.Ticks));
        }
    }

    private static bool IsActive(TableDescription table) =>
        table.TableStatus == TableStatus.ACTIVE
        && (table.GlobalSecondaryIndexes ?? []).All(index => index.IndexStatus == IndexStatus.ACTIVE);

    private static async Task<TableDescription?> TryDescribeAsync(
        IAmazonDynamoDB client, string tableName, CancellationToken cancellationToken)
    {
        try
        {
            return (await client.DescribeTableAsync(new DescribeTableRequest { TableName = tableName }, cancellationToken)).Table;
        }
        catch (ResourceNotFoundException)
        {
            // Right after CreateTable, AWS may not show the table yet.
            return null;
        }
    }
}
