using System.Diagnostics;
using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using TacoMail.Bench.ColdStart;
using TacoMail.Reconciler.Hosting;
using TacoMail.Reconciler.Table;
using TacoMail.Reconciler.Table.Local;
using TacoMail.Reconciler.Table.Reading;
using TacoMail.Schema.Model;
using TacoMail.Schema.Records;
using TacoMail.Schema.Table;

namespace TacoMail.Bench.TableRead;

/// <summary>
/// <c>table-read</c>: the measurement behind <see cref="TableReader.DefaultSegments"/> — N alias
/// items (default 5,000) in DynamoDB Local, started here, read with 1, 2, 4 and 8 parallel scan
/// segments, best and median of several runs after a warm-up read. Every read must return every
/// item, or the benchmark fails.
/// </summary>
internal static class TableReadBenchCommand
{
    public const string Usage = "usage: table-read [--items N] [--runs N]";

    private const string TableName = "tacomail-bench-read";
    private static readonly int[] SegmentCounts = [1, 2, 4, 8];

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (!TryParse(args, out var items, out var runs))
        {
            await error.WriteLineAsync(Usage + " (N a whole number of at least 1)");
            return BenchExitCodes.Error;
        }

        var environment = new SystemEnvironment();
        var installation = await new DynamoDbLocalInstaller(TacoMailCacheDirectory.Resolve(environment)).EnsureInstalledAsync(cancellationToken);
        await using var dynamo = await DynamoDbLocalProcess.StartAsync(installation, new DynamoDbLocalStartOptions(), environment, cancellationToken);
        using var client = TableClientFactory.ForEmulator(dynamo.Endpoint);
        await output.WriteLineAsync($"writing {items} items to DynamoDB Local at {dynamo.Endpoint} ...");
        var records = await FillAsync(client, items, cancellationToken);

        await new TableReader(client, 1).ReadAsync(TableName, null, cancellationToken); // Warm up the JIT and the emulator.
        var results = new List<(int Segments, Summary Milliseconds)>();
        foreach (var segments in SegmentCounts)
        {
            var times = new List<double>();
            for (var run = 0; run < runs; run++)
            {
                var started = Stopwatch.GetTimestamp();
                var actual = await new TableReader(client, segments).ReadAsync(TableName, null, cancellationToken);
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!actual.Aliases.Values.SequenceEqual(records))
                {
                    await error.WriteLineAsync($"error: {segments} segment(s) read {actual.Aliases.Count} items, not the {items} written");
                    return BenchExitCodes.Error;
                }
            }

            results.Add((segments, Summary.Of(times)));
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"""

            table read of {items} items in DynamoDB Local, {runs} runs per segment count after a warm-up, date {DateTimeOffset.UtcNow:yyyy-MM-dd}
            | segments | best | median |
            | ---: | ---: | ---: |
            """));
        foreach (var (segments, milliseconds) in results)
        {
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture, $"| {segments}{(segments == TableReader.DefaultSegments ? " (default)" : string.Empty)} | {milliseconds.Min:F0} ms | {milliseconds.Median:F0} ms |"));
        }

        return BenchExitCodes.Ok;
    }

    private static bool TryParse(IReadOnlyList<string> args, out int items, out int runs)
    {
        items = 5_000;
        runs = 5;
        for (var i = 0; i < args.Count; i += 2)
        {
            var ok = i + 1 < args.Count && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1;
            switch (ok ? args[i] : null)
            {
                case "--items": items = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--runs": runs = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                default: return false;
            }
        }

        return true;
    }

    private static async Task<List<AliasRecord>> FillAsync(AmazonDynamoDBClient client, int count, CancellationToken cancellationToken)
    {
        await new TableInitializer().EnsureTableAsync(client, TableName, cancellationToken);
        var records = Enumerable.Range(0, count)
            .Select(i => new AliasRecord(
                new ItemKey($"d{i % 10}.example", string.Create(CultureInfo.InvariantCulture, $"alias{i:D6}")), "me@example.net", AliasState.Active,
                string.Create(CultureInfo.InvariantCulture, $"00000000-0000-4000-8000-{i:D12}"), 1_700_000_000, 1_700_000_000, 0))
            .OrderBy(r => r.Key)
            .ToList();
        await Parallel.ForEachAsync(records.Chunk(25), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (chunk, token) => await client.BatchWriteItemAsync(new BatchWriteItemRequest
            {
                RequestItems = new() { [TableName] = [.. chunk.Select(r => new WriteRequest { PutRequest = new PutRequest { Item = AliasItemCodec.Encode(r) } })] },
            }, token));
        return records;
    }
}
