using System.Diagnostics;
using Amazon.DynamoDBv2.Model;
using TacoMail.IntegrationTests.Table.Writing;
using TacoMail.Reconciler.Table.Reading;
using TacoMail.Schema.Model;
using TacoMail.Schema.Records;

namespace TacoMail.IntegrationTests.Table.Reading;

/// <summary>
/// The measurement behind <see cref="TableReader.DefaultSegments"/>: 5,000 items read with 1, 2, 4
/// and 8 segments (best of five, after a warm-up read), written to the test output. Also checks that every segment
/// count reads the same items.
/// </summary>
public sealed class TableReaderMeasurementTests(DynamoDbLocalFixture fixture)
{
    private const int Items = 5_000;
    private const int Runs = 5;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Read_5000Items_SameResultForEverySegmentCount()
    {
        using var table = await TestTable.CreateAsync(fixture, Cancellation);
        var records = Enumerable.Range(0, Items)
            .Select(i => new AliasRecord(TestTable.Key($"alias{i:D5}@d{i % 10}.example"), "me@example.net", AliasState.Active,
                $"00000000-0000-4000-8000-{i:D12}", 1_700_000_000, 1_700_000_000, 0))
            .OrderBy(r => r.Key)
            .ToList();
        await Parallel.ForEachAsync(records.Chunk(25), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = Cancellation },
            async (chunk, token) => await table.Client.BatchWriteItemAsync(new BatchWriteItemRequest
            {
                RequestItems = new() { [table.Name] = [.. chunk.Select(r => new WriteRequest { PutRequest = new PutRequest { Item = AliasItemCodec.Encode(r) } })] },
            }, token));

        await new TableReader(table.Client, 1).ReadAsync(table.Name, null, Cancellation); // Warm up the JIT and the emulator.
        foreach (var segments in new[] { 1, 2, 4, 8 })
        {
            var best = TimeSpan.MaxValue;
            for (var run = 0; run < Runs; run++)
            {
                var stopwatch = Stopwatch.StartNew();
                var actual = await new TableReader(table.Client, segments).ReadAsync(table.Name, null, Cancellation);
                stopwatch.Stop();
                actual.Aliases.Count.ShouldBe(Items);
                actual.Aliases.Values.SequenceEqual(records).ShouldBeTrue();
                best = stopwatch.Elapsed < best ? stopwatch.Elapsed : best;
            }

            TestContext.Current.TestOutputHelper?.WriteLine($"{Items} items, {segments} segment(s): {best.TotalMilliseconds:F0} ms");
        }
    }
}
