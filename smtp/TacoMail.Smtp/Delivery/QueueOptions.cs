using System.Net;

namespace TacoMail.Smtp.Delivery;

/// <summary>Where accepted mail goes from the queue.</summary>
/// <param name="Maildir">The local mailbox for <c>S3</c> destinations and the feedback address.</param>
/// <param name="Relay">The smarthost forwards and notices are handed to; null: they wait in the queue.</param>
/// <param name="ScanInterval">How often the queue is scanned for entries whose backoff has passed.</param>
/// <param name="RelayTimeout">How long one smarthost operation may take before the attempt is deferred.</param>
/// <param name="Parallelism">How many messages are delivered at once, so one slow smarthost conversation does not hold up the rest of the queue.</param>
internal sealed record QueueOptions(string Maildir, DnsEndPoint? Relay, TimeSpan ScanInterval, TimeSpan RelayTimeout, int Parallelism = QueueOptions.DefaultParallelism)
{
    public const int DefaultParallelism = 4;

    /// <summary>The DNS server SPF, DKIM and DMARC ask; null: the machine's own resolvers.</summary>
    public IPEndPoint? Dns { get; init; }

    /// <summary>How long one DNS query may take before the check counts as not made (and the reply waits).</summary>
    public TimeSpan DnsTimeout { get; init; } = TimeSpan.FromSeconds(5);

    public const string DefaultMaildir = ".tacomail/mail";

    public static QueueOptions Default { get; } = new(DefaultMaildir, null, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(60));
}
