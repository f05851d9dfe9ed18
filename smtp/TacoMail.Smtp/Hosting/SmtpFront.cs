using Amazon.DynamoDBv2;
using SmtpServer;
using SmtpServer.ComponentModel;
using TacoMail.MailPath.Recipients;
using TacoMail.MailPath.Replies;
using TacoMail.MailPath.Storage;
using TacoMail.Smtp.Authentication;
using TacoMail.Smtp.Connections;
using TacoMail.Smtp.Delivery;
using TacoMail.Smtp.Logging;
using TacoMail.Smtp.Recipients;
using TacoMail.Smtp.Spool;

namespace TacoMail.Smtp.Hosting;

/// <summary>
/// The composition root of the SMTP front end: the mail path's resolver and use counter on the
/// table, the RCPT-time gate, the durable spool, and SmtpServer's protocol engine around them
/// (PIPELINING, 8BITMIME, SIZE; STARTTLS only with a certificate; never AUTH, not even after
/// STARTTLS, where SmtpServer would offer it: this server only receives), behind the connection limits (per-client count, idle
/// and session timeouts). Tests start the same thing on a loopback port.
/// </summary>
internal sealed class SmtpFront
{
    private readonly SmtpServer.SmtpServer _server;
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public SmtpFront(SmtpFrontOptions options, IAmazonDynamoDB dynamo, TimeProvider time, TextWriter log, ISpoolDisk? disk = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(dynamo);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(log);
        var decisions = new DecisionLog(log, time);
        var incrementer = new UseCountIncrementer(dynamo, options.TableName, time);
        var resolver = new RecipientResolver(new AliasBatchReader(dynamo, options.TableName, time));
        Spool = new DiskSpool(options.SpoolDirectory, disk ?? new SpoolDisk(), time);
        Spool.EnsureCreated();
        var queue = options.Queue ?? QueueOptions.Default;
        Maildir = new MaildirStore(queue.Maildir, new DiskSync());
        var relay = queue.Relay is null ? null : new SmtpRelay(queue.Relay, queue.RelayTimeout);
        var reverses = new ReverseAliasStore(dynamo, options.TableName, time);
        var authenticator = new SenderAuthenticator(DnsResolvers.For(queue.Dns, queue.DnsTimeout));
        var delivery = new QueueDelivery(
            Spool,
            resolver,
            Maildir,
            new Forwarder(reverses, relay),
            new ReplySender(authenticator, reverses, relay, decisions),
            new SenderNotifier(relay, authenticator, Spool, decisions, time),
            decisions,
            time);
        Queue = new QueueRunner(Spool, delivery, decisions, time, queue.ScanInterval, queue.Parallelism);

        var serverOptions = new SmtpServerOptionsBuilder()
            .ServerName(SmtpFrontOptions.ServerName)
            .MaxMessageSize(options.Limits.MaxMessageSize, MaxMessageSizeHandling.Strict)
            // Refused recipients are answers, not protocol errors: they must not end the session.
            .MaxRetryCount(options.Limits.MaxRecipients + 10)
            // Both timeouts are every read's (ClientPipe, 421). SmtpServer's own (real time; 221, and
            // 554 inside DATA) are only a backstop, set to fire after them.
            .CommandWaitTimeout(options.Limits.SessionTimeout + options.Limits.IdleTimeout)
            .Endpoint(endpoint =>
            {
                endpoint.Endpoint(options.Listen).SessionTimeout(options.Limits.SessionTimeout + options.Limits.IdleTimeout)
                    .AuthenticationRequired(false).AllowUnsecureAuthentication(false);
                if (options.Certificate is not null)
                {
                    endpoint.Certificate(options.Certificate);
                }
            })
            .Build();
        var listeners = new NoDelayListenerFactory();
        listeners.EndpointStarted += (_, _) => _started.TrySetResult();
        var services = new ServiceProvider();
        Connections = new ClientConnectionCounter(options.Limits.MaxConnectionsPerClient);
        services.Add(new ReceiveOnlyCommandFactory());
        services.Add(new NoLogins());
        services.Add(new LimitedListenerFactory(listeners, Connections, options.Limits, decisions, time));
        services.Add(new RecipientGate(resolver, incrementer, options.Limits, decisions, time));
        services.Add(new SpoolStore(Spool, incrementer, decisions, time, Queue.Kick));
        _server = new SmtpServer.SmtpServer(serverOptions, services);
    }

    public DiskSpool Spool { get; }

    public MaildirStore Maildir { get; }

    /// <summary>Delivers what was queued; runs beside the server in <see cref="RunAsync"/>.</summary>
    public QueueRunner Queue { get; }

    /// <summary>The connections open per client address.</summary>
    public ClientConnectionCounter Connections { get; }

    /// <summary>Completes once the endpoint listens: a client may connect from then on.</summary>
    public Task Started => _started.Task;

    /// <summary>
    /// Serves and delivers until <paramref name="cancellationToken"/> is cancelled, then lets
    /// sessions in progress finish; what is not delivered stays queued for the next start.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var delivering = Queue.RunAsync(cancellationToken);
        await ServeAsync(cancellationToken).ConfigureAwait(false);
        await delivering.ConfigureAwait(false);
    }

    /// <summary>
    /// Receives only, until <paramref name="cancellationToken"/> is cancelled: mail is queued and
    /// nothing delivers it but <see cref="QueueRunner.RunDueAsync"/> (tests that drive delivery
    /// step by step).
    /// </summary>
    public async Task ServeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _server.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }

        await _server.ShutdownTask.ConfigureAwait(false);
    }
}
