using System.Net;
using System.Net.Sockets;

namespace TacoMail.Reconciler.Table.Local;

/// <summary>
/// Picks a port the OS considers free. The port is released before the emulator binds it, so
/// another process may take it in between; the caller retries on a bind failure.
/// </summary>
internal static class FreeLoopbackPort
{
    public static int Find()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}
