using System.Net;
using System.Net.Sockets;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Net;
using TacoMail.Smtp.Connections;

namespace TacoMail.Smtp.Tests;

/// <summary>
/// The server's own listener on a real loopback socket: every accepted connection has Nagle's
/// algorithm off (the pipelined replies' 40 ms wait the benchmark found) and its endpoints recorded
/// where SmtpServer's listener records them, which the per-client limit reads.
/// </summary>
public sealed class NoDelayListenerTests
{
    [Fact]
    public async Task GetPipe_AcceptedConnection_NoDelayAndEndpointsRecorded()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var factory = new NoDelayListenerFactory();
        EndPoint? started = null;
        factory.EndpointStarted += (_, e) => started = e.LocalEndPoint;
        var options = new SmtpServerOptionsBuilder().Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, 0))).Build();
        using var listener = factory.CreateListener(options.Endpoints[0]);
        var port = ((IPEndPoint)started.ShouldNotBeNull()).Port;
        using var client = new TcpClient();
        var context = new TestSessionContext();

        var accepting = listener.GetPipeAsync(context, cancellationToken);
        await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
        using var pipe = (SocketPipe)await accepting;

        pipe.Socket.NoDelay.ShouldBeTrue();
        pipe.IsSecure.ShouldBeFalse();
        ((IPEndPoint)context.Properties[EndpointListener.RemoteEndPointKey]).Port.ShouldBe(((IPEndPoint)client.Client.LocalEndPoint!).Port);
        ((IPEndPoint)context.Properties[EndpointListener.LocalEndPointKey]).Port.ShouldBe(port);
    }

    private sealed class TestSessionContext : ISessionContext
    {
        public Guid SessionId { get; } = Guid.NewGuid();

        public ISmtpServerOptions ServerOptions => throw new NotSupportedException();

        public IEndpointDefinition EndpointDefinition => throw new NotSupportedException();

        public IServiceProvider ServiceProvider => new ServiceProvider();

        public SmtpServer.IO.ISecurableDuplexPipe Pipe => throw new NotSupportedException();

        public AuthenticationContext Authentication => throw new NotSupportedException();

        public IDictionary<string, object> Properties { get; } = new Dictionary<string, object>();

#pragma warning disable CS0067 // The listener raises none of the session's events.
        public event EventHandler<SmtpCommandEventArgs>? CommandExecuting;

        public event EventHandler<SmtpCommandEventArgs>? CommandExecuted;

        public event EventHandler<SmtpResponseExceptionEventArgs>? ResponseException;

        public event EventHandler<EventArgs>? SessionAuthenticated;
#pragma warning restore CS0067
    }
}
