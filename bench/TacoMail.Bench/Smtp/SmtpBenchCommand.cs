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
                $"smtp front end against DynamoDB Local at {dynamo.Endpoint}: {options.Messages} messages of {options.Size} bytes over {options.Connections} connections, a warm-up round, then {options.Rounds} measured round(s) ..."));
            var parts = new SmtpBenchParts(dynamo.Endpoint, dynamo.ProcessId, options);
            var log = Path.Combine(directory, "smtp.log");
            var rounds = new List<PhaseFigures[]>();
            var ok = true;
            for (var round = 0; round <= options.Rounds; round++)
            {
                var (figures, checks) = await RoundAsync(parts, messages, Path.Combine(directory, $"round{round}"), log, round, cancellationToken);
                if (round > 0)
                {
                    rounds.Add(figures);
                }

                ok &= checks.All(c => c.Ok);
                await output.WriteLineAsync(string.Create(
                    CultureInfo.InvariantCulture, $"round {round}{(round == 0 ? " (warm-up, not reported)" : string.Empty)}: {string.Join("; ", checks.Select(c => c.Text))}"));
            }

            await Report(output, options, messages, rounds);
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

    /// <summary>
    /// Each part once, in an order rotated by the round so that none always runs first (the first
    /// part of a process pays for the JIT's later tiers, hence also round 0, a warm-up that is not
    /// reported), then the replies and both spools checked.
    /// </summary>
    /// <returns>The figures in the report's order: server, server without disk, disk alone, table alone.</returns>
    private static async Task<(PhaseFigures[] Figures, List<(bool Ok, string Text)> Checks)> RoundAsync(
        SmtpBenchParts parts, IReadOnlyList<PlannedMessage> messages, string directory, string log, int round, CancellationToken cancellationToken)
    {
        var spool = Path.Combine(directory, "spool");
        var diskSpool = Path.Combine(directory, "disk-alone");
        var figures = new PhaseFigures[4];
        var steps = new Func<Task>[]
        {
            async () => figures[0] = await parts.ServerAsync(ServerPart, messages, spool, log, disk: null, cancellationToken),
            async () => figures[1] = await parts.ServerAsync(
                "server, spool discarding (no disk)", messages, Path.Combine(directory, "discarding"), log, new DiscardingSpoolDisk(), cancellationToken),
            async () => figures[2] = await parts.DiskAsync("disk alone: spool write, fsync, rename", messages, diskSpool, cancellationToken),
            async () => figures[3] = await parts.TableAsync("table alone: a lookup per RCPT, use counts", messages, cancellationToken),
        };
        for (var i = 0; i < steps.Length; i++)
        {
            await steps[(i + round) % steps.Length]();
        }

        var (sent, sentWithoutDisk) = (figures[0].Sent, figures[1].Sent);
        var checks = new List<(bool Ok, string Text)>
        {
            Replies("server", sent),
            Replies("server without disk", sentWithoutDisk),
            Spool("server's spool", spool, sent.Count(s => s.DataCode == 250 && s.Message.Queues), sent.Count(s => s.DataCode == 250 && !s.Message.Queues)),
            Spool("disk-alone spool", diskSpool, messages.Count(m => m.Queues), messages.Count(m => !m.Queues)),
        };
        Directory.Delete(directory, recursive: true);
        return (figures, checks);
    }

    private const string ServerPart = "server over SMTP (DATA end → 250)";

    private static async Task Report(TextWriter output, SmtpBenchOptions options, IReadOnlyList<PlannedMessage> messages, List<PhaseFigures[]> rounds)
    {
        var recipients = messages.SelectMany(m => m.Recipients).ToList();
        // Per part, the round with the median wall time (the lower middle of an even count).
        var parts = Enumerable.Range(0, rounds[0].Length)
            .Select(p => rounds.Select(r => r[p]).OrderBy(f => f.Wall).ElementAt((rounds.Count - 1) / 2))
            .ToArray();
        var (server, withoutDisk, disk, table) = (parts[0], parts[1], parts[2], parts[3]);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"""

            SMTP front end: {options.Messages} messages of {options.Size} bytes over {options.Connections} connections{(options.Pipelining ? " (pipelining)" : " (one command at a time)")}{(options.QuickAck ? ", clients acknowledging at once" : string.Empty)}, {rounds.Count} round(s), date {DateTimeOffset.UtcNow:yyyy-MM-dd}
            recipients: {recipients.Count(r => r.Kind == RecipientKind.Active)} active ({recipients.Count(r => r.Address.Contains('+', StringComparison.Ordinal))} through a sub-address), {recipients.Count(r => r.Kind == RecipientKind.Paused)} paused, {recipients.Count(r => r.Kind == RecipientKind.Unknown)} unknown (550); {messages.Count(m => m.Queues)} messages to queue, {messages.Count(m => !m.Queues)} to drop
            each part's round with the median wall time; the server's p50/p99 are the end of DATA to its 250, the parts alone time each message's whole spool or table work
            | part | wall (all rounds) | messages/s | p50 | p99 | CPU, this process | CPU, DynamoDB Local | peak managed heap | peak RSS (before) |
            | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
            """));
        for (var p = 0; p < parts.Length; p++)
        {
            var part = parts[p];
            var walls = string.Join(", ", rounds.Select(r => r[p].Wall.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)));
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"| {part.Part} | {part.Wall.TotalSeconds:0.00} s ({walls}) | {part.MessagesPerSecond:0} | {part.P50Milliseconds:0.00} ms | {part.P99Milliseconds:0.00} ms | {part.Cpu.TotalSeconds:0.00} s | {part.DynamoCpu.TotalSeconds:0.00} s | {part.PeakHeap / 1048576.0:0.0} MB | {part.PeakRss / 1048576.0:0.0} MB ({part.RssBefore / 1048576.0:0.0} MB) |"));
        }

        foreach (var part in new[] { server, withoutDisk })
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{part.Part}, at the client: MAIL, RCPTs, DATA{(options.Pipelining ? " pipelined" : string.Empty)} to 354 (the RCPT lookups) p50 {Percentile(part, s => s.Envelope, 0.5):0.00} ms, p99 {Percentile(part, s => s.Envelope, 0.99):0.00} ms; whole transaction p50 {Percentile(part, s => s.Transaction, 0.5):0.00} ms, p99 {Percentile(part, s => s.Transaction, 0.99):0.00} ms"));
        }

        await output.WriteLineAsync($"""

            against the server (wall {server.Wall.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s; CPU {server.Cpu.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s in this process, {server.DynamoCpu.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s in DynamoDB Local):
            | part | wall | / server's wall | CPU, this process | / server's | CPU, DynamoDB Local | / server's |
            | --- | ---: | ---: | ---: | ---: | ---: | ---: |
            """);
        var rows = new (string Name, TimeSpan Wall, TimeSpan Cpu, TimeSpan DynamoCpu)[]
        {
            ("disk alone", disk.Wall, disk.Cpu, disk.DynamoCpu),
            ("table alone", table.Wall, table.Cpu, table.DynamoCpu),
            ("disk alone + table alone", disk.Wall + table.Wall, disk.Cpu + table.Cpu, disk.DynamoCpu + table.DynamoCpu),
            ("the rest: server − disk alone − table alone (SMTP, the clients, the log)", server.Wall - disk.Wall - table.Wall, server.Cpu - disk.Cpu - table.Cpu, server.DynamoCpu - disk.DynamoCpu - table.DynamoCpu),
            ("server without disk", withoutDisk.Wall, withoutDisk.Cpu, withoutDisk.DynamoCpu),
        };
        foreach (var (name, wall, cpu, dynamoCpu) in rows)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {wall.TotalSeconds:0.00} s | {wall / server.Wall:0.00} | {cpu.TotalSeconds:0.00} s | {cpu / server.Cpu:0.00} | {dynamoCpu.TotalSeconds:0.00} s | {dynamoCpu / server.DynamoCpu:0.00} |"));
        }
    }

    private static double Percentile(PhaseFigures part, Func<SentMessage, TimeSpan> step, double fraction) =>
        PhaseFigures.Percentile(part.Sent.Select(step), fraction);

    private static (bool Ok, string Text) Replies(string part, IReadOnlyList<SentMessage> sent)
    {
        var wrong = sent.Count(s => !s.AsExpected);
        return (wrong == 0, string.Create(CultureInfo.InvariantCulture,
            $"{part}: {sent.Count - wrong} of {sent.Count} messages answered as the table says{(wrong == 0 ? " (ok)" : " (MISMATCH)")}"));
    }

    private static (bool Ok, string Text) Spool(string name, string root, int queued, int dropped)
    {
        var spool = new DiskSpool(root, new SpoolDisk(), TimeProvider.System);
        var envelopes = Directory.GetFiles(spool.Queue, "*" + DiskSpool.EnvelopeExtension).Length;
        var contents = Directory.GetFiles(spool.Queue, "*" + DiskSpool.MessageExtension).Length;
        var droppedEnvelopes = Directory.GetFiles(spool.Dropped, "*" + DiskSpool.EnvelopeExtension).Length;
        var left = Directory.GetFiles(spool.Tmp).Length;
        var ok = envelopes == queued && contents == queued && droppedEnvelopes == dropped && left == 0;
        return (ok, string.Create(CultureInfo.InvariantCulture,
            $"{name}: queue/ {envelopes} envelopes, {contents} messages ({queued} expected), dropped/ {droppedEnvelopes} ({dropped} expected), tmp/ {left}{(ok ? " (ok)" : " (MISMATCH)")}"));
    }
}
