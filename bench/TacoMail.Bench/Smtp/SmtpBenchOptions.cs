using System.Globalization;

namespace TacoMail.Bench.Smtp;

/// <summary>The smtp benchmark's arguments.</summary>
/// <param name="Messages">How many messages to send.</param>
/// <param name="Connections">How many SMTP connections send them at once (and how many spool writes and table lookups run at once in the parts measured alone).</param>
/// <param name="Size">Each message's size in bytes, headers included, as queued.</param>
internal sealed record SmtpBenchOptions(int Messages, int Connections, int Size)
{
    public const string Usage = "usage: smtp [--messages N] [--connections N] [--size BYTES] (N at least 1, BYTES at least 1024)";

    public const int MinimumSize = 1024;

    public static SmtpBenchOptions Default { get; } = new(1_000, 8, 10_240);

    public static bool TryParse(IReadOnlyList<string> args, out SmtpBenchOptions options)
    {
        ArgumentNullException.ThrowIfNull(args);
        options = Default;
        for (var i = 0; i < args.Count; i += 2)
        {
            if (i + 1 >= args.Count || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
            {
                return false;
            }

            switch (args[i])
            {
                case "--messages": options = options with { Messages = value }; break;
                case "--connections": options = options with { Connections = value }; break;
                case "--size" when value >= MinimumSize: options = options with { Size = value }; break;
                default: return false;
            }
        }

        return true;
    }
}
