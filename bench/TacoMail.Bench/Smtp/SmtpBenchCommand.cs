using System.Globalization;
using TacoMail.Bench.Disposition;
using TacoMail.Reconciler.Hosting;
using TacoMail.Reconciler.Table.Local;
using TacoMail.Schema.Table;
using TacoMail.Smtp.Spool;

namespace TacoMail.Bench.Smtp;

/// <summary>
/// <c>smtp</c>: the SMTP front end (issue 14) in-process on a loopback port against DynamoDB Local
/// (started here), N messages (default 1,000 of 10 KB) sent over C concurrent connections (default 8)
/// to a mix of active, paused and unknown recipients: messages per second, the end of DATA to its
/// 250 (p50, p99) and peak memory; beside it, with the same messages and concurrency, the spool's
/// durable writes alone, the table's lookups and use counts alone, and the server with a spool that
/// discards, so the figures show what bounds the throughput. The spool must then hold exactly the
/// messages that had an active recipient, or the benchmark fails.
/// </summary>
internal static class SmtpBenchCommand
{
    private const int WarmupMessages = 50;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (!SmtpBenchOptions.TryParse(args, out var options))
        {
            await error.WriteLineAsync(SmtpBenchOptions.Usage);
            return BenchExitCodes.Error;
        }

        var messages = SmtpBenchPlan.Create(options);
        var warmup = messages.Take(WarmupMessages).ToList();
        var directory = Directory.CreateTempSubdirectory("tacomail-bench-smtp-").FullName;
        try
        {
            var environment = new SystemEnvironment();
            var installation = await new DynamoDbLocalInstaller(TacoMailCacheDirectory.Resolve(environment)).EnsureInstalledAsync(cancellationToken);
            await using var dynamo = await DynamoDbLocalProcess.StartAsync(installation, new DynamoDbLocalStartOptions(), environment, cancellationToken);
            using (var client = TableClientFactory.ForEmulator(dynamo.Endpoint))
            {
                await BenchTable.CreateAsync(client, cancellationToken);
                await BenchTable.PutAliasesAsync(client, SmtpBenchPlan.Aliases(), cancellationToken);
            }

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"smtp front end against DynamoDB Local at {dynamo.Endpoint}: {options.Messages} messages of {options.Size} bytes over {options.Connections} connections, after {warmup.Count} to warm up each part ..."));
            var parts = new SmtpBenchParts(dynamo.Endpoint, dynamo.ProcessId, options.Connections);
            var log = Path.Combine(directory, "smtp.log");
            var discarding = new DiscardingSpoolDisk();
            await parts.ServerAsync("warm-up", warmup, Path.Combine(directory, "warmup-server"), log, disk: null, cancellationToken);
            await parts.ServerAsync("warm-up", warmup, Path.Combine(directory, "warmup-discarding"), log, discarding, cancellationToken);
            await parts.DiskAsync("warm-up", warmup, Path.Combine(directory, "warmup-disk"), cancellationToken);
            await parts.TableAsync("warm-up", warmup, cancellationToken);

            var spool = Path.Combine(directory, "spool");
            var diskSpool = Path.Combine(directory, "disk-alone");
            var (server, sent) = await parts.ServerAsync("server over SMTP (DATA end → 250)", messages, spool, log, disk: null, cancellationToken);
            var disk = await parts.DiskAsync("disk alone: spool write, fsync, rename", messages, diskSpool, cancellationToken);
            var table = await parts.TableAsync("table alone: a lookup per RCPT, use counts", messages, cancellationToken);
            var (withoutDisk, sentWithoutDisk) = await parts.ServerAsync(
                "server, spool discarding (no disk)", messages, Path.Combine(directory, "discarding"), log, discarding, cancellationToken);

            await Report(output, options, messages, [server, withoutDisk, disk, table]);
            var ok = await CheckRepliesAsync(output, "server", sent);
            ok &= await CheckRepliesAsync(output, "server without disk", sentWithoutDisk);
            ok &= await CheckSpoolAsync(output, "server's spool", spool, sent.Count(s => s.DataCode == 250 && s.Message.Queues), sent.Count(s => s.DataCode == 250 && !s.Message.Queues));
            ok &= await CheckSpoolAsync(output, "disk-alone spool", diskSpool, messages.Count(m => m.Queues), messages.Count(m => !m.Queues));
            if (!ok)
            {
                await error.WriteLineAsync("error: the server's replies or the spool are not what the table says");
            }

            return ok ? BenchExitCodes.Ok : BenchExitCodes.Error;
        }
        catch (InvalidOperationException exception)
        {
            await error.WriteLineAsync($"error: {exception.Message}");
            return BenchExitCodes.Error;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task Report(TextWriter output, SmtpBenchOptions options, IReadOnlyList<PlannedMessage> messages, PhaseFigures[] parts)
    {
        var recipients = messages.SelectMany(m => m.Recipients).ToList();
        var (server, withoutDisk, disk, table) = (parts[0], parts[1], parts[2], parts[3]);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"""

            SMTP front end: {options.Messages} messages of {options.Size} bytes over {options.Connections} connections, date {DateTimeOffset.UtcNow:yyyy-MM-dd}
            recipients: {recipients.Count(r => r.Kind == RecipientKind.Active)} active ({recipients.Count(r => r.Address.Contains('+', StringComparison.Ordinal))} through a sub-address), {recipients.Count(r => r.Kind == RecipientKind.Paused)} paused, {recipients.Count(r => r.Kind == RecipientKind.Unknown)} unknown (550); {messages.Count(m => m.Queues)} messages to queue, {messages.Count(m => !m.Queues)} to drop
            per message: the server's p50/p99 are the end of DATA to its 250; the parts alone time each message's whole spool or table work
            | part | wall | messages/s | p50 | p99 | CPU, this process | CPU, DynamoDB Local | peak managed heap | peak RSS (before) |
            | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
            """));
        foreach (var part in parts)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"| {part.Part} | {part.Wall.TotalSeconds:0.00} s | {part.MessagesPerSecond:0} | {part.P50Milliseconds:0.00} ms | {part.P99Milliseconds:0.00} ms | {part.Cpu.TotalSeconds:0.00} s | {part.DynamoCpu.TotalSeconds:0.00} s | {part.PeakHeap / 1048576.0:0.0} MB | {part.PeakRss / 1048576.0:0.0} MB ({part.RssBefore / 1048576.0:0.0} MB) |"));
        }

        var seconds = server.Wall.TotalSeconds;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"""

            wall time against the server's ({seconds:0.00} s):
            | part | wall | share of the server's |
            | --- | ---: | ---: |
            | disk alone | {disk.Wall.TotalSeconds:0.00} s | {disk.Wall.TotalSeconds / seconds:0.00} |
            | table alone | {table.Wall.TotalSeconds:0.00} s | {table.Wall.TotalSeconds / seconds:0.00} |
            | disk alone + table alone | {(disk.Wall + table.Wall).TotalSeconds:0.00} s | {(disk.Wall + table.Wall).TotalSeconds / seconds:0.00} |
            | server without disk | {withoutDisk.Wall.TotalSeconds:0.00} s | {withoutDisk.Wall.TotalSeconds / seconds:0.00} |
            | server without disk − table alone (the server's own work) | {(withoutDisk.Wall - table.Wall).TotalSeconds:0.00} s | {(withoutDisk.Wall - table.Wall).TotalSeconds / seconds:0.00} |
            """));
    }

    private static async Task<bool> CheckRepliesAsync(TextWriter output, string part, IReadOnlyList<SentMessage> sent)
    {
        var wrong = sent.Count(s => !s.AsExpected);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{part}: {sent.Count - wrong} of {sent.Count} messages answered as the table says (RCPT 250/250/550, 250 after DATA){(wrong == 0 ? ": ok" : ": MISMATCH")}"));
        return wrong == 0;
    }

    private static async Task<bool> CheckSpoolAsync(TextWriter output, string name, string root, int queued, int dropped)
    {
        var spool = new DiskSpool(root, new SpoolDisk(), TimeProvider.System);
        var envelopes = Directory.GetFiles(spool.Queue, "*" + DiskSpool.EnvelopeExtension).Length;
        var contents = Directory.GetFiles(spool.Queue, "*" + DiskSpool.MessageExtension).Length;
        var droppedEnvelopes = Directory.GetFiles(spool.Dropped, "*" + DiskSpool.EnvelopeExtension).Length;
        var left = Directory.GetFiles(spool.Tmp).Length;
        var ok = envelopes == queued && contents == queued && droppedEnvelopes == dropped && left == 0;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{name}: queue/ holds {envelopes} envelopes and {contents} messages ({queued} expected), dropped/ {droppedEnvelopes} ({dropped} expected), tmp/ {left}{(ok ? ": ok" : ": MISMATCH")}"));
        return ok;
    }
}
