using System.Net;
using ARSoft.Tools.Net.Dns;

namespace TacoMail.Smtp.Authentication;

/// <summary>
/// Turns a DNS server address into the resolver every check shares, so that SPF, DKIM and DMARC
/// ask the same server with the same timeout (and tests can point all three at one loopback server).
/// </summary>
internal static class DnsResolvers
{
    /// <param name="server">
    /// <see langword="null"/>: the machine's configured resolvers (those <see cref="DnsClient.Default"/> uses);
    /// otherwise that server over UDP, on any port (tests: a loopback port).
    /// </param>
    /// <param name="timeout">How long one query may wait for its answer.</param>
    public static IDnsResolver For(IPEndPoint? server, TimeSpan timeout)
    {
        var milliseconds = (int)Math.Clamp(timeout.TotalMilliseconds, 1, int.MaxValue);
        var client = server is null
            ? new DnsClient(DnsClient.GetLocalConfiguredDnsServers(), milliseconds)
            : new DnsClient([server.Address], [new UdpClientTransport(server.Port)], true, milliseconds);
        return new DnsStubResolver(client);
    }
}
