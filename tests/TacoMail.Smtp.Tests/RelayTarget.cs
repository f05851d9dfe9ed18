using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Mail;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace TacoMail.Smtp.Tests;

/// <summary>
/// The smarthost: a second SmtpServer on a loopback port that keeps what it is handed (envelope
/// and bytes), or answers every DATA with <see cref="Answer"/> (a 4xx or 5xx) when set.
/// </summary>
internal sealed class RelayTarget : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly Task _run;
    private readonly Store _store;

    private RelayTarget(int port, Store store, CancellationTokenSource stop, Task run)
    {
        Port = port;
        Received = store.Received;
        _store = store;
        _stop = stop;
        _run = run;
    }

    public int Port { get; }

    public ConcurrentQueue<Handed> Received { get; }

    /// <summary>When set, RCPT TO this address is refused with 550 5.1.1.</summary>
    public string? RefuseRecipient
    {
        get => _store.RefuseRecipient;
        set => _store.RefuseRecipient = value;
    }

    /// <summary>When set, RCPT TO this address is deferred with 451 4.2.1.</summary>
    public string? DeferRecipient
    {
        get => _store.DeferRecipient;
        set => _store.DeferRecipient = value;
    }

    /// <summary>When set, RCPT TO this address waits until <see cref="Release"/>: a smarthost that hangs.</summary>
    public string? HoldRecipient
    {
        get => _store.HoldRecipient;
        set => _store.HoldRecipient = value;
    }

    /// <summary>Lets every held RCPT go on.</summary>
    public void Release() => _store.Held.TrySetResult();

    /// <summary>When set, every message is answered with it instead of being kept.</summary>
    public SmtpResponse? Answer
    {
        get => _store.Answer;
        set => _store.Answer = value;
    }

    public static async Task<RelayTarget> StartAsync(int? port = null)
    {
        var chosen = port ?? Testing.LoopbackPort.Free();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var options = new SmtpServerOptionsBuilder()
            .ServerName("smarthost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, chosen)))
            .Build();
        var listeners = new EndpointListenerFactory();
        listeners.EndpointStarted += (_, _) => started.TrySetResult();
        var store = new Store();
        var services = new ServiceProvider();
        services.Add(listeners);
        services.Add((IMessageStore)store);
        services.Add((IMailboxFilter)store);
        var server = new SmtpServer.SmtpServer(options, services);
        var stop = new CancellationTokenSource();
        var run = server.StartAsync(stop.Token);
        await started.Task.WaitAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);
        return new RelayTarget(chosen, store, stop, run);
    }

    public async ValueTask DisposeAsync()
    {
        Release();
        await _stop.CancelAsync();
        try
        {
            await _run;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    /// <summary>One message as the smarthost received it.</summary>
    internal sealed record Handed(string MailFrom, IReadOnlyList<string> RcptTo, byte[] Bytes)
    {
        public string Text => System.Text.Encoding.UTF8.GetString(Bytes);
    }

    private sealed class Store : MessageStore, IMailboxFilter
    {
        public ConcurrentQueue<Handed> Received { get; } = new();

        public string? RefuseRecipient { get; set; }

        public string? DeferRecipient { get; set; }

        public string? HoldRecipient { get; set; }

        public TaskCompletionSource Held { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken) =>
            Task.FromResult(true);

        public async Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken)
        {
            if (string.Equals(to.AsAddress(), HoldRecipient, StringComparison.OrdinalIgnoreCase))
            {
                await Held.Task.WaitAsync(cancellationToken);
            }

            if (string.Equals(to.AsAddress(), RefuseRecipient, StringComparison.OrdinalIgnoreCase))
            {
                throw new SmtpResponseException(new SmtpResponse(SmtpReplyCode.MailboxUnavailable, "5.1.1 no such mailbox"));
            }

            return string.Equals(to.AsAddress(), DeferRecipient, StringComparison.OrdinalIgnoreCase)
                ? throw new SmtpResponseException(new SmtpResponse(SmtpReplyCode.Unavailable, "4.2.1 mailbox busy, try again later"))
                : true;
        }

        public SmtpResponse? Answer { get; set; }

        public override Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (Answer is { } answer)
            {
                return Task.FromResult(answer);
            }

            var from = transaction.From is null || string.IsNullOrEmpty(transaction.From.User) ? string.Empty : transaction.From.AsAddress();
            // As the front end's own spool, the message's last line keeps the CRLF that SmtpServer hands over without.
            Received.Enqueue(new Handed(from, [.. transaction.To.Select(t => t.AsAddress())], Spool.SpoolStore.WithFinalLineEnd(buffer).ToArray()));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
