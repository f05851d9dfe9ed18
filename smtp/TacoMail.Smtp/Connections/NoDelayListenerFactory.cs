using System.Net.Sockets;
using SmtpServer;
using SmtpServer.Net;

namespace TacoMail.Smtp.Connections;

/// <summary>
/// Opens the server's listening sockets in place of SmtpServer's own factory, whose sockets keep
/// Nagle's algorithm on: SMTP replies are small writes, and with pipelining clients (every MTA)
/// the second reply of a group waited for the client's delayed ACK, some 40 ms per transaction,
/// which made the server, not the disk or the table, bound its throughput (docs/benchmarks.md).
/// </summary>
internal sealed class NoDelayListenerFactory : IEndpointListenerFactory
{
    /// <summary>An endpoint listens: a client may connect from then on.</summary>
    public event EventHandler<EndpointEventArgs>? EndpointStarted;

    public IEndpointListener CreateListener(IEndpointDefinition endpointDefinition)
    {
        ArgumentNullException.ThrowIfNull(endpointDefinition);
        var listener = new TcpListener(endpointDefinition.Endpoint);
        listener.Start();
        EndpointStarted?.Invoke(this, new EndpointEventArgs(endpointDefinition, listener.LocalEndpoint));
        return new NoDelayListener(listener);
    }
}
