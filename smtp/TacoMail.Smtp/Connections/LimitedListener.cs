using System.Net;
using SmtpServer;
using SmtpServer.IO;
using SmtpServer.Net;
using TacoMail.Smtp.Logging;
using TacoMail.Smtp.Recipients;

namespace TacoMail.Smtp.Connections;

/// <summary>
/// SmtpServer's listener with the connection limits in front of the session: a client already at
/// its limit is answered 421 4.7.0 and closed before any greeting, and SmtpServer never sees the
/// connection; every other one is handed over as a <see cref="ClientPipe"/>.
/// </summary>
internal sealed class LimitedListener(
    IEndpointListener inner, ClientConnectionCounter counter, SmtpLimits limits, DecisionLog log, TimeProvider time) : IEndpointListener
{
    public async Task<ISecurableDuplexPipe> GetPipeAsync(ISessionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        while (true)
        {
            var pipe = await inner.GetPipeAsync(context, cancellationToken).ConfigureAwait(false);
            var client = context.Properties.TryGetValue(EndpointListener.RemoteEndPointKey, out var remote) && remote is IPEndPoint endpoint
                ? endpoint.Address
                : IPAddress.None;
            var sessionId = context.SessionId.ToString("N");
            if (counter.TryAcquire(client))
            {
                return new ClientPipe(pipe, counter, client, limits, time, log, sessionId);
            }

            log.Write("connect", ("client", client.ToString()), ("decision", "deferred"), ("reason", "too-many-connections"));
            await RefuseAsync(pipe, cancellationToken).ConfigureAwait(false);
            // The next connection is accepted into the same session context.
            context.Properties.Remove(EndpointListener.LocalEndPointKey);
            context.Properties.Remove(EndpointListener.RemoteEndPointKey);
        }
    }

    public void Dispose() => inner.Dispose();

    /// <summary>
    /// A short reply into a fresh socket's send buffer does not wait on the client, so the accept
    /// loop is not held up by it.
    /// </summary>
    private static async Task RefuseAsync(ISecurableDuplexPipe pipe, CancellationToken cancellationToken)
    {
        try
        {
            await pipe.Output.WriteReplyAsync(ConnectionReplies.TooManyConnections, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            // Already gone: nothing to tell it.
        }
        finally
        {
            pipe.Dispose();
        }
    }
}
