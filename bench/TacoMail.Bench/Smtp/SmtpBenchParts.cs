using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using Amazon.DynamoDBv2;
using TacoMail.Bench.Disposition;
using TacoMail.MailPath.Recipients;
using TacoMail.Schema.Table;
using TacoMail.Smtp.Hosting;
using TacoMail.Smtp.Recipients;
using TacoMail.Smtp.Spool;
using TacoMail.Testing;

namespace TacoMail.Bench.Smtp;

/// <summary>
/// The parts of the smtp benchmark: the whole server over SMTP, and what it does per message
/// measured alone — the spool's durable writes, and the table's lookups and use counts — each
/// with the same messages and the same concurrency.
/// </summary>
internal sealed class SmtpBenchParts(Uri dynamoEndpoint, int dynamoProcessId, SmtpBenchOptions options)
{
    /// <summary>
    /// The server, started in-process on a free loopback port with its spool under
    /// <paramref name="spoolDirectory"/>, and <c>Connections</c> raw SMTP clients sending
    /// <paramref name="messages"/> between them (each one's answers in <see cref="PhaseFigures.Sent"/>);
    /// <paramref name="disk"/> null is the real disk.
    /// Starting and stopping are not measured.
    /// </summary>
    public async Task<PhaseFigures> ServerAsync(
        string part, IReadOnlyList<PlannedMessage> messages, string spoolDirectory, string logFile, ISpoolDisk? disk, CancellationToken cancellationToken)
    {
        using var client = CreateClient();
        var listen = new IPEndPoint(IPAddress.Loopback, LoopbackPort.Free());
        var frontOptions = new SmtpFrontOptions(listen, BenchTable.Name, spoolDirectory, SmtpLimits.Default, Certificate: null);
        // The decision log goes to a file, as the server's would go to its journal: its cost is the server's.
        await using var log = new StreamWriter(logFile, append: true);
        var front = new SmtpFront(frontOptions, client, TimeProvider.System, log, disk: disk);
        using var stop = new CancellationTokenSource();
        // Receiving only: the queue stays as accepted, so the checks can count it; delivery is not this figure.
        var run = front.ServeAsync(stop.Token);
        var sent = new SentMessage[messages.Count];
        try
        {
            await front.Started.WaitAsync(cancellationToken);
            var figures = await PhaseMeter.MeasureAsync(part, dynamoProcessId, async () =>
            {
                await EachAsync(messages.Count, async (next, token) =>
                {
                    await using var smtp = await RawSmtpClient.ConnectAsync(listen, options.Pipelining, options.QuickAck, token);
                    for (var i = next(); i >= 0; i = next())
                    {
                        sent[i] = await smtp.SendAsync(messages[i], token);
                    }

                    await smtp.QuitAsync(token);
                }, cancellationToken);
                return [.. sent.Select(s => s.DataEnd)];
            });
            return figures with { Sent = sent };
        }
        finally
        {
            await stop.CancelAsync();
            await run;
        }
    }

    /// <summary>
    /// The spool alone, as the server uses it after DATA: a message with an active recipient is
    /// written, fsynced and renamed into <c>queue/</c> with its envelope; one to paused aliases only
    /// has its envelope recorded under <c>dropped/</c>.
    /// </summary>
    public async Task<PhaseFigures> DiskAsync(string part, IReadOnlyList<PlannedMessage> messages, string spoolDirectory, CancellationToken cancellationToken)
    {
        var spool = new DiskSpool(spoolDirectory, new SpoolDisk(), TimeProvider.System);
        spool.EnsureCreated();
        var times = new TimeSpan[messages.Count];
        return await PhaseMeter.MeasureAsync(part, dynamoProcessId, async () =>
        {
            await EachAsync(messages.Count, async (next, token) =>
            {
                for (var i = next(); i >= 0; i = next())
                {
                    var message = messages[i];
                    var started = Stopwatch.GetTimestamp();
                    var envelope = new SpoolEnvelope(
                        SpoolEnvelope.CurrentFormat, spool.NewId(), message.Sender, DateTimeOffset.UtcNow,
                        [.. message.Recipients.Where(r => r.Kind != RecipientKind.Unknown).Select(Accepted)]);
                    if (message.Queues)
                    {
                        await spool.QueueAsync(envelope, new ReadOnlySequence<byte>(message.Content), token);
                    }
                    else
                    {
                        await spool.RecordDroppedAsync(envelope, token);
                    }

                    times[i] = Stopwatch.GetElapsedTime(started);
                }
            }, cancellationToken);
            return times;
        });
    }

    /// <summary>
    /// The table alone, as the server uses it: one resolver lookup per RCPT (the server's gate
    /// resolves each recipient as it comes), then one use-count increment of the accepted aliases.
    /// Every verdict must be what the plan says.
    /// </summary>
    /// <exception cref="InvalidOperationException">A recipient resolved otherwise than planned, or an increment failed.</exception>
    public async Task<PhaseFigures> TableAsync(string part, IReadOnlyList<PlannedMessage> messages, CancellationToken cancellationToken)
    {
        using var client = CreateClient();
        var resolver = new RecipientResolver(new AliasBatchReader(client, BenchTable.Name, TimeProvider.System));
        var incrementer = new UseCountIncrementer(client, BenchTable.Name, TimeProvider.System);
        var times = new TimeSpan[messages.Count];
        return await PhaseMeter.MeasureAsync(part, dynamoProcessId, async () =>
        {
            await EachAsync(messages.Count, async (next, token) =>
            {
                for (var i = next(); i >= 0; i = next())
                {
                    var started = Stopwatch.GetTimestamp();
                    var verdicts = new List<RcptVerdict>();
                    foreach (var recipient in messages[i].Recipients)
                    {
                        var resolution = await resolver.ResolveAsync([recipient.Address], token);
                        var verdict = RcptVerdict.Of(resolution.Recipients[0]);
                        if (verdict.Outcome != Expected(recipient.Kind))
                        {
                            throw new InvalidOperationException(string.Create(
                                CultureInfo.InvariantCulture, $"message {i}: a {recipient.Kind} recipient resolved to {verdict.Outcome}"));
                        }

                        verdicts.Add(verdict);
                    }

                    var used = verdicts.Where(v => v.Outcome != RcptOutcome.Reject && v.CountsAsUse && v.Key is not null)
                        .Select(v => v.Key!.Value).Distinct().ToList();
                    if (used.Count > 0 && (await incrementer.IncrementAsync(used, token)).Count > 0)
                    {
                        throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"message {i}: a use count was not written"));
                    }

                    times[i] = Stopwatch.GetElapsedTime(started);
                }
            }, cancellationToken);
            return times;
        });
    }

    /// <summary>The server's own client settings (<c>tacomail-smtp serve</c>), pointed at DynamoDB Local.</summary>
    private AmazonDynamoDBClient CreateClient() => TableClientFactory.ForEmulator(dynamoEndpoint, c =>
    {
        c.Timeout = TimeSpan.FromSeconds(5);
        c.MaxErrorRetry = 2;
    });

    /// <summary>
    /// <c>Connections</c> workers at once, each taking the next message index from one shared
    /// counter (a function returning -1 once all are taken), so a slow worker never holds others up.
    /// </summary>
    private async Task EachAsync(int count, Func<Func<int>, CancellationToken, Task> worker, CancellationToken cancellationToken)
    {
        var taken = -1;
        int Next()
        {
            var index = Interlocked.Increment(ref taken);
            return index < count ? index : -1;
        }

        await Task.WhenAll(Enumerable.Range(0, options.Connections).Select(_ => Task.Run(() => worker(Next, cancellationToken), cancellationToken)));
    }

    private static RcptOutcome Expected(RecipientKind kind) => kind switch
    {
        RecipientKind.Active => RcptOutcome.Deliver,
        RecipientKind.Paused => RcptOutcome.Drop,
        _ => RcptOutcome.Reject,
    };

    private static SpoolRecipient Accepted(PlannedRecipient recipient)
    {
        var at = recipient.Address.IndexOf('@', StringComparison.Ordinal);
        var plus = recipient.Address.IndexOf('+', StringComparison.Ordinal);
        var alias = plus is > 0 && plus < at ? recipient.Address[..plus] + recipient.Address[at..] : recipient.Address;
        return recipient.Kind == RecipientKind.Active
            ? new SpoolRecipient(recipient.Address, alias, "active", "deliver")
            : new SpoolRecipient(recipient.Address, alias, "paused", "drop");
    }
}
