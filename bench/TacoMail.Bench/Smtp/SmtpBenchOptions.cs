using System.Globalization;

namespace TacoMail.Bench.Smtp;

/// <summary>The smtp benchmark's arguments.</summary>
/// <param name="Messages">How many messages to send.</param>
/// <param name="Connections">How many SMTP connections send them at once (and how many spool writes and table lookups run at once in the parts measured alone).</param>
/// <param name="Size">Each message's size in bytes, headers included, as queued.</param>
/// <param name="Rounds">How many times each part runs (in a rotating order); the round with the median wall time is reported.</param>
/// <param name="Pipelining">Whether the clients pipeline MAIL, the RCPTs and DATA (RFC 2920), as mail servers do, or wait for each reply.</param>
/// <param name="QuickAck">
/// Whether the clients acknowledge every reply at once (Linux <c>TCP_QUICKACK</c>) instead of
/// delaying the ACK as TCP stacks do: a diagnostic, showing what the server's replies cost when
/// its small writes wait for the client's delayed ACK (Nagle's algorithm on the server's socket).
/// </param>
internal sealed record SmtpBenchOptions(int Messages, int Connections, int Size, int Rounds, bool Pipelining, bool QuickAck)
{
    public const string Usage = "usage: smtp [--messages N] [--connections N] [--size BYTES] [--rounds N] [--no-pipelining] [--quick-ack] (N at least 1, BYTES at least 1024)";

    public const int MinimumSize = 1024;

    public static SmtpBenchOptions Default { get; } = new(1_000, 8, 10_240, 3, Pipelining: true, QuickAck: false);

    public static bool TryParse(IReadOnlyList<string> args, out SmtpBenchOptions options)
    {
        ArgumentNullException.ThrowIfNull(args);
        options = Default;
        for (var i = 0; i < args.Count; i += 2)
        {
            if (args[i] is "--no-pipelining" or "--quick-ack")
            {
                options = args[i] == "--quick-ack" ? options with { QuickAck = true } : options with { Pipelining = false };
                i--;
                continue;
            }

            if (i + 1 >= args.Count || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
            {
                return false;
            }

            switch (args[i])
            {
                case "--messages": options = options with { Messages = value }; break;
                case "--connections": options = options with { Connections = value }; break;
                case "--rounds": options = options with { Rounds = value }; break;
                case "--size" when value >= MinimumSize: options = options with { Size = value }; break;
                default: return false;
            }
        }

        return true;
    }
}
