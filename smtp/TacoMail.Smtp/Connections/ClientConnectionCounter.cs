using System.Net;

namespace TacoMail.Smtp.Connections;

/// <summary>
/// Counts the open connections of each client IP address, so one host cannot hold every session
/// the server can run. An IPv4 client seen through a dual-stack socket (<c>::ffff:192.0.2.1</c>)
/// counts as its IPv4 address: it is the same host.
/// </summary>
internal sealed class ClientConnectionCounter(int maxPerClient)
{
    private readonly Dictionary<IPAddress, int> _open = [];
    private readonly Lock _gate = new();

    public int MaxPerClient { get; } = maxPerClient > 0
        ? maxPerClient
        : throw new ArgumentOutOfRangeException(nameof(maxPerClient), maxPerClient, "At least one connection per client.");

    /// <summary>Counts one more connection from <paramref name="address"/>, unless it already has <see cref="MaxPerClient"/>.</summary>
    /// <returns>False when the client is at its limit: nothing was counted, so nothing is to be released.</returns>
    public bool TryAcquire(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var key = Normalised(address);
        lock (_gate)
        {
            var open = _open.GetValueOrDefault(key);
            if (open >= MaxPerClient)
            {
                return false;
            }

            _open[key] = open + 1;
            return true;
        }
    }

    /// <summary>Ends one connection counted by <see cref="TryAcquire"/>; call it once per successful acquire.</summary>
    public void Release(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var key = Normalised(address);
        lock (_gate)
        {
            var open = _open.GetValueOrDefault(key);
            if (open <= 1)
            {
                // Forgotten at zero, so the table holds only the clients connected now.
                _open.Remove(key);
            }
            else
            {
                _open[key] = open - 1;
            }
        }
    }

    /// <summary>The connections <paramref name="address"/> has open now.</summary>
    public int OpenFrom(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        lock (_gate)
        {
            return _open.GetValueOrDefault(Normalised(address));
        }
    }

    private static IPAddress Normalised(IPAddress address) =>
        address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
