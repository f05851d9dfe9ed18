using Amazon.DynamoDBv2;
using Amazon.Runtime;
using TacoMail.Reconciler.Planning;
using TacoMail.Schema.Records;

namespace TacoMail.Reconciler.Table.Writing;

/// <summary>
/// Executes a <see cref="Plan"/> against the table: the settings and configuration items first, then renames,
/// updates, creates and deletes (destructive work last) with bounded parallelism. Every write is
/// either conditional on what was read or safe to repeat, so an apply that stops midway — a
/// failure, Ctrl-C, a lost lock — leaves a table that a fresh read, plan and apply converges
/// from. On a stop it launches nothing new, lets the requests in flight finish, and throws
/// <see cref="ApplyFailedException"/> with exactly what was done. Under a lock, every write is
/// fenced (see <see cref="IWriteFence"/>): once the lease is in doubt nothing more is written. A
/// plan without changes makes no call at all.
/// </summary>
internal sealed class PlanApplier
{
    private readonly WriteContext _context;

    public PlanApplier(IAmazonDynamoDB client, string tableName)
        : this(client, tableName, ApplyOptions.Default, TimeProvider.System, NewIdentifier)
    {
    }

    /// <param name="client">The table's client; the SDK's own retries cover throttling and 5xx.</param>
    /// <param name="tableName">The table.</param>
    /// <param name="options">Parallelism and retry bounds.</param>
    /// <param name="timeProvider">Timestamps (Unix seconds) and backoff delays.</param>
    /// <param name="newIdentifier">Identifiers of created aliases; <see cref="NewIdentifier"/> in production.</param>
    public PlanApplier(IAmazonDynamoDB client, string tableName, ApplyOptions options, TimeProvider timeProvider, Func<string> newIdentifier)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(tableName);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(newIdentifier);
        options.Validate();
        _context = new WriteContext(
            client, tableName, timeProvider, newIdentifier, options,
            new RetryBackoff(timeProvider, options.BaseDelay, options.MaxDelay));
    }

    /// <summary>A random (version 4) UUID in lower case, as the table's <c>identifier</c> holds.</summary>
    public static string NewIdentifier() => Guid.NewGuid().ToString("D");

    /// <summary>Applies <paramref name="plan"/> without a lock (tests of the applier on its own).</summary>
    /// <inheritdoc cref="ApplyAsync(Plan, IWriteFence, IProgress{ApplyProgress}?, CancellationToken)"/>
    public Task<ApplyResult> ApplyAsync(Plan plan, IProgress<ApplyProgress>? progress, CancellationToken cancellationToken) =>
        ApplyAsync(plan, Unfenced.Instance, progress, cancellationToken);

    /// <param name="plan">The plan to carry out; its safety check is the caller's.</param>
    /// <param name="fence">The table lock's lease, asked before every write.</param>
    /// <param name="progress">Told after each change is done.</param>
    /// <param name="cancellationToken">Stops the apply (launches nothing new; requests in flight finish).</param>
    /// <returns>Everything that was done.</returns>
    /// <exception cref="ApplyFailedException">A change failed, the fence lapsed or the token was cancelled; holds what was done.</exception>
    public async Task<ApplyResult> ApplyAsync(Plan plan, IWriteFence fence, IProgress<ApplyProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(fence);
        var context = _context with { Fence = fence };
        var total = plan.ChangeCount;
        if (total == 0)
        {
            return ApplyResult.Empty;
        }

        var ledger = new ApplyLedger(total, progress);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var failure = new FirstFailure(stop);
        var config = new ConfigWriter(context, ledger);
        if (plan.Settings is { } settings)
        {
            await RunAsync(new WorkItem("writing the settings configuration item", token => new SettingsWriter(context, ledger).WriteAsync(settings, token)), failure, stop.Token);
        }

        foreach (var change in plan.ConfigChanges)
        {
            if (stop.IsCancellationRequested)
            {
                break;
            }

            var description = $"writing the {ConfigSetRecord.SortKeyOf(change.Kind)} configuration item";
            await RunAsync(new WorkItem(description, token => config.WriteAsync(change, token)), failure, stop.Token);
        }

        try
        {
            await Parallel.ForEachAsync(
                WorkItems(context, plan, ledger),
                new ParallelOptions { MaxDegreeOfParallelism = context.Options.MaxParallelism, CancellationToken = stop.Token },
                async (item, token) => await RunAsync(item, failure, token));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Reported below, with what was done.
        }

        var result = ledger.ToResult();
        if (failure.Exception is null && result.Total == total)
        {
            return result;
        }

        throw new ApplyFailedException(
            result, total, failure.Exception ?? new OperationCanceledException("The apply was cancelled.", cancellationToken));
    }

    private static List<WorkItem> WorkItems(WriteContext context, Plan plan, ApplyLedger ledger)
    {
        var fetcher = new ItemFetcher(context);
        var renamer = new AliasRenamer(context, fetcher, ledger);
        var updater = new AliasUpdater(context, fetcher, ledger);
        var batches = new BatchWriter(context, ledger);
        var renames = new List<WorkItem>();
        var updates = new List<WorkItem>();
        var creates = new List<AliasCreate>();
        var deletes = new List<AliasDelete>();
        foreach (var change in plan.AliasChanges)
        {
            switch (change)
            {
                case AliasRename rename:
                    renames.Add(new WorkItem($"renaming {rename.From} to {rename.Key}", stop => renamer.RenameAsync(rename, stop)));
                    break;
                case AliasUpdate update:
                    updates.Add(new WorkItem($"updating {update.Key}", stop => updater.UpdateAsync(update, stop)));
                    break;
                case AliasShapeFix fix:
                    updates.Add(new WorkItem($"updating {fix.Key}", stop => updater.UpdateAsync(fix, stop)));
                    break;
                case AliasCreate create:
                    creates.Add(create);
                    break;
                case AliasDelete delete:
                    deletes.Add(delete);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(plan), change, "The applier does not know this change.");
            }
        }

        return [
            .. renames,
            .. updates,
            .. creates.Chunk(BatchWriter.MaxBatchSize).Select(chunk => new WorkItem(Describe("creating", chunk), stop => batches.CreateAsync(chunk, stop))),
            .. deletes.Chunk(BatchWriter.MaxBatchSize).Select(chunk => new WorkItem(Describe("deleting", chunk), stop => batches.DeleteAsync(chunk, stop))),
        ];
    }

    private static async Task RunAsync(WorkItem item, FirstFailure failure, CancellationToken stop)
    {
        try
        {
            await item.Run(stop);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopped between retries: not done, not a failure of its own.
        }
        catch (TacoMailException exception)
        {
            await failure.SetAsync(exception);
        }
        catch (AmazonServiceException exception)
        {
            await failure.SetAsync(new ChangeFailedException(
                $"DynamoDB refused {item.Description}: {exception.Message} ({exception.ErrorCode})", exception));
        }
        catch (AmazonClientException exception)
        {
            await failure.SetAsync(new ChangeFailedException($"Could not reach DynamoDB while {item.Description}: {exception.Message}", exception));
        }
        catch (Exception exception)
        {
            // Any other failure stops the apply too, and is reported with what was done.
            await failure.SetAsync(exception);
        }
    }

    private static string Describe(string verb, IReadOnlyList<AliasChange> chunk) =>
        chunk.Count == 1 ? $"{verb} {chunk[0].Key}" : $"{verb} {chunk.Count} aliases ({chunk[0].Key} … {chunk[^1].Key})";
}
