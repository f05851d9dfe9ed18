using System.Net.Sockets;
using SmtpServer;
using SmtpServer.IO;
using SmtpServer.Net;

namespace TacoMail.Smtp.Connections;

/// <summary>Accepts one connection per call, Nagle's algorithm off, and records its endpoints where SmtpServer's own listener does.</summary>
internal sealed class NoDelayListener(TcpListener listener) : IEndpointListener
{
    public async Task<ISecurableDuplexPipe> GetPipeAsync(ISessionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var socket = await listener.AcceptSocketAsync(cancellationToken).ConfigureAwait(false);
        socket.NoDelay = true;
        context.Properties[EndpointListener.LocalEndPointKey] = socket.LocalEndPoint!;
        context.Properties[EndpointListener.RemoteEndPointKey] = socket.RemoteEndPoint!;
        return new SocketPipe(socket);
    }

    public void Dispose() => listener.Dispose();
}
