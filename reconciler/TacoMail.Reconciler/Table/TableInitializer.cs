using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;

namespace TacoMail.Reconciler.Table;

/// <summary>
/// <c>tacomail init</c>: makes the table match <see cref="TableLayout"/> without ever changing what
/// exists. Creates a missing table, adds missing indexes, refuses a table with other keys, and
/// otherwise does nothing, so it is safe to run on every deployment.
/// </summary>
internal sealed class TableInitializer
{
    public static readonly TimeSpan DefaultWaitTimeout = TimeSpan.FromMinutes(20);

    private readonly TableStatusWaiter _waiter;

    public TableInitializer()
        : this(TimeProvider.System, DefaultWaitTimeout)
    {
    }

    public TableInitializer(TimeProvider timeProvider, TimeSpan waitTimeout)
    {
        _waiter = new TableStatusWaiter(timeProvider, waitTimeout);
    }

    /// <exception cref="TableInitException">The table has other keys, or DynamoDB refused or failed a request.</exception>
    public async Task<TableInitResult> EnsureTableAsync(IAmazonDynamoDB client, string tableName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(tableName);

        try
        {
            if (await TryCreateAsync(client, tableName, cancellationToken))
            {
                await _waiter.WaitUntilActiveAsync(client, tableName, cancellationToken);
                return new TableInitResult(tableName, TableInitOutcome.Created, []);
            }

            return await CompleteExistingAsync(client, tableName, cancellationToken);
        }
        catch (AmazonServiceException exception)
        {
            throw new TableInitException(Explain(exception, tableName), exception);
        }
        catch (AmazonClientException exception)
        {
            // No credentials, or no answer: the request never got a reply from DynamoDB.
            throw new TableInitException($"Could not call DynamoDB to set up table '{tableName}': {exception.Message}", exception);
        }
        catch (HttpRequestException exception)
        {
            throw new TableInitException($"Could not call DynamoDB to set up table '{tableName}': {exception.Message}", exception);
        }
    }

    /// <returns>False when the table already exists.</returns>
    private static async Task<bool> TryCreateAsync(IAmazonDynamoDB client, string tableName, CancellationToken cancellationToken)
    {
        try
        {
            await client.DescribeTableAsync(new DescribeTableRequest { TableName = tableName }, cancellationToken);
            return false;
        }
        catch (ResourceNotFoundException)
        {
            // Create below.
        }

        try
        {
            await client.CreateTableAsync(TableLayout.CreateTableRequest(tableName), cancellationToken);
            return true;
        }
        catch (ResourceInUseException)
        {
            // Someone else created it in the meantime; verify theirs.
            return false;
        }
    }

    private async Task<TableInitResult> CompleteExistingAsync(IAmazonDynamoDB client, string tableName, CancellationToken cancellationToken)
    {
        var table = await _waiter.WaitUntilActiveAsync(client, tableName, cancellationToken);
        var missing = TableLayoutVerifier.FindMissingIndexes(table);
        if (missing.Count == 0)
        {
            return new TableInitResult(tableName, TableInitOutcome.AlreadyUpToDate, []);
        }

        foreach (var index in missing)
        {
            // DynamoDB creates one index per UpdateTable call.
            await client.UpdateTableAsync(TableLayout.AddIndexRequest(tableName, index, ProvisionedCapacity(table)), cancellationToken);
            table = await _waiter.WaitUntilActiveAsync(client, tableName, cancellationToken);
        }

        return new TableInitResult(tableName, TableInitOutcome.AddedIndexes, [.. missing.Select(i => i.Name)]);
    }

    private static ProvisionedThroughput? ProvisionedCapacity(TableDescription table) =>
        table.BillingModeSummary?.BillingMode == BillingMode.PAY_PER_REQUEST || table.ProvisionedThroughput is not { } capacity
            ? null
            : new ProvisionedThroughput(capacity.ReadCapacityUnits ?? 1, capacity.WriteCapacityUnits ?? 1);

    private static string Explain(AmazonServiceException exception, string tableName) => exception.ErrorCode switch
    {
        "AccessDeniedException" or "UnrecognizedClientException" =>
            $"Access denied setting up table '{tableName}': {exception.Message}",
        "ResourceInUseException" =>
            $"Table '{tableName}' is busy (another create, update or delete is in progress); run init again later: {exception.Message}",
        "LimitExceededException" =>
            $"Too many table or index operations in progress for table '{tableName}'; run init again later: {exception.Message}",
        _ => $"DynamoDB refused to set up table '{tableName}': {exception.Message} ({exception.ErrorCode})",
    };
}
