using System.Globalization;

namespace TacoMail.Reconciler.Table.Locking;

/// <summary>The lock item as read: who holds the lease, since when and until when (by the holder's clock), and its renewal version.</summary>
internal sealed record LockInfo(string LockId, LockHolder Holder, DateTimeOffset Started, DateTimeOffset Expires, long Version = 0)
{
    /// <summary>E.g. <c>alice@laptop on laptop (pid 4242) since 2025-05-01T10:00:00Z</c>.</summary>
    public string Describe() => $"{Holder.Owner} on {Holder.Host} (pid {Holder.ProcessId}) since {Iso(Started)}";

    /// <summary>ISO 8601 UTC to the second.</summary>
    public static string Iso(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
