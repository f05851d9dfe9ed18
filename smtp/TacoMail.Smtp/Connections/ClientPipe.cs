using System.IO.Pipelines;
using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using SmtpServer.IO;
using TacoMail.Smtp.Logging;
using TacoMail.Smtp.Recipients;

namespace TacoMail.Smtp.Connections;

/// <summary>
/// One accepted connection as the session sees it: reads go through an <see cref="IdleTimeoutReader"/>
/// (also after STARTTLS, which replaces the inner reader) with the idle timeout and a deadline at
/// the session timeout after the connection was accepted, and the client's slot in the
/// <see cref="ClientConnectionCounter"/> is given back exactly once, when the session stops
/// reading or disposes the pipe, whichever comes first. It is given back before the socket
/// closes, so a client that has seen the close may connect again at once.
/// </summary>
internal sealed class ClientPipe : ISecurableDuplexPipe
{
    private readonly ISecurableDuplexPipe _inner;
    private readonly ClientConnectionCounter _counter;
    private readonly IPAddress _client;
    private readonly TimeSpan _idleTimeout;
    private readonly DateTimeOffset _deadline;
    private readonly TimeProvider _time;
    private readonly DecisionLog _log;
    private readonly string _sessionId;
    private PipeReader? _wrappedInput;
    private IdleTimeoutReader? _input;
    private int _released;

    public ClientPipe(
        ISecurableDuplexPipe inner, ClientConnectionCounter counter, IPAddress client, SmtpLimits limits, TimeProvider time, DecisionLog log, string sessionId)
    {
        _inner = inner;
        _counter = counter;
        _client = client;
        _idleTimeout = limits.IdleTimeout;
        _deadline = time.GetUtcNow() + limits.SessionTimeout;
        _time = time;
        _log = log;
        _sessionId = sessionId;
    }

    public PipeReader Input
    {
        get
        {
            if (_input is null || !ReferenceEquals(_wrappedInput, _inner.Input))
            {
                _wrappedInput = _inner.Input;
                _input = new IdleTimeoutReader(_wrappedInput, _idleTimeout, _deadline, _time, TimedOutAsync, Release);
            }

            return _input;
        }
    }

    public PipeWriter Output => _inner.Output;

    public bool IsSecure => _inner.IsSecure;

    public SslProtocols SslProtocol => _inner.SslProtocol;

    public Task UpgradeAsync(X509Certificate certificate, SslProtocols protocols, CancellationToken cancellationToken = default) =>
        _inner.UpgradeAsync(certificate, protocols, cancellationToken);

    public void Dispose()
    {
        Release();
        _inner.Dispose();
    }

    private async ValueTask TimedOutAsync(bool sessionOver, CancellationToken cancellationToken)
    {
        _log.Write(
            "timeout", ("session", _sessionId), ("client", _client.ToString()), ("decision", "closed"), ("reason", sessionOver ? "session-timeout" : "idle-timeout"));
        using var writing = new CancellationTokenSource(_idleTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, writing.Token);
        try
        {
            await Output.WriteReplyAsync(ConnectionReplies.Timeout, linked.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or OperationCanceledException)
        {
            // The client is gone or does not read either: closing is all that is left.
        }

        Dispose();
    }

    private void Release()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            _counter.Release(_client);
        }
    }
}
