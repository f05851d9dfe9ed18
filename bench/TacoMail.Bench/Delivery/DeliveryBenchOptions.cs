using System.Globalization;

namespace TacoMail.Bench.Delivery;

/// <summary>What <c>delivery</c> measures: attachment sizes, runs per size, and optionally the AOT bootstrap.</summary>
internal sealed record DeliveryBenchOptions(IReadOnlyList<int> AttachmentSizes, int Runs, int Warmup, string? Aot)
{
    public const string Usage = """
        Usage: TacoMail.Bench delivery [--runs N] [--warmup N] [--aot PATH]

        Forwards a message with a 10 KB, 1 MB, 10 MB and 25 MB attachment through the real delivery handler
        (DynamoDB Local, s3rver and a loopback SES listener, all started by the tool) and reports, per size, the
        forward time and memory: in-process (JIT) allocations, peak managed heap and peak RSS above the idle
        process; with --aot, also the Native AOT bootstrap run as 'invoke --handler delivery' (whole process).
          --runs N      Measured forwards per size (default 3).
          --warmup N    Unmeasured forwards per size first (default 1).
          --aot PATH    The AOT bootstrap (dotnet publish lambda/TacoMail.Lambda -c Release -r linux-x64
                        -p:PublishAot=true -o DIR).

        """;

    public static IReadOnlyList<int> DefaultSizes { get; } = [10 * 1024, 1024 * 1024, 10 * 1024 * 1024, 25 * 1024 * 1024];

    /// <returns>The options, or null with <paramref name="error"/> saying what is wrong.</returns>
    public static DeliveryBenchOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        ArgumentNullException.ThrowIfNull(args);
        int runs = 3, warmup = 1;
        string? aot = null;
        error = null;
        for (var i = 0; i < args.Count && error is null; i += 2)
        {
            if (i + 1 >= args.Count)
            {
                error = $"Option '{args[i]}' needs a value (or is unknown).";
                break;
            }

            var value = args[i + 1];
            switch (args[i])
            {
                case "--runs": error = Count(args[i], value, 1, out runs); break;
                case "--warmup": error = Count(args[i], value, 0, out warmup); break;
                case "--aot": aot = File.Exists(value) ? value : null; error = aot is null ? $"No AOT bootstrap at '{value}'." : null; break;
                default: error = $"Unknown option '{args[i]}'."; break;
            }
        }

        return error is null ? new DeliveryBenchOptions(DefaultSizes, runs, warmup, aot) : null;
    }

    private static string? Count(string option, string value, int minimum, out int count) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out count) && count >= minimum
            ? null
            : $"{option} needs a whole number of at least {minimum}, not '{value}'.";
}
