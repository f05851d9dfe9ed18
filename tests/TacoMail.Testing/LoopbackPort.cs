using System.Net;
using System.Net.Sockets;

namespace TacoMail.Testing;

/// <summary>Ports on <c>127.0.0.1</c> for the servers the tests start.</summary>
public static class LoopbackPort
{
    /// <summary>A port nothing listened on a moment ago: a server may still lose it to another, so bind and retry.</summary>
    public static int Free()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
