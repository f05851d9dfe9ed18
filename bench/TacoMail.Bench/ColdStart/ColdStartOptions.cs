using System.Globalization;
using System.Text;
using TacoMail.Lambda.Hosting;
using TacoMail.Schema.Settings;

namespace TacoMail.Bench.ColdStart;

/// <summary>What <c>coldstart</c> measures and how often.</summary>
/// <param name="Targets">The command lines, AOT first.</param>
/// <param name="Runs">Measured starts per target.</param>
/// <param name="Warmup">Unmeasured starts per target before the measured ones.</param>
/// <param name="Handler">The handler name given as <c>_HANDLER</c>.</param>
/// <param name="Event">The one event queued for each start.</param>
/// <param name="Environment">Extra environment variables for the process (handler configuration).</param>
internal sealed record ColdStartOptions(
    IReadOnlyList<ColdStartTarget> Targets,
    int Runs,
    int Warmup,
    string Handler,
    byte[] Event,
    IReadOnlyDictionary<string, string> Environment)
{
    /// <summary>
    /// The disposition on an event without a message: it answers CONTINUE without any AWS call, so
    /// the default run measures the runtime and the handler's start, not a table.
    /// </summary>
    public const string DefaultHandler = HandlerNames.Disposition;

    public static readonly byte[] DefaultEvent = Encoding.UTF8.GetBytes("""{"Records":[{"eventSource":"aws:ses","eventVersion":"1.0"}]}""");

    /// <returns>The options, or null with <paramref name="error"/> saying what is wrong.</returns>
    public static ColdStartOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? aot = null;
        var jit = ColdStartTarget.DefaultJitAssembly;
        var useJit = true;
        int runs = 10, warmup = 1;
        var handler = DefaultHandler;
        var body = DefaultEvent;
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [EnvironmentVariableNames.Table] = "tacomail-coldstart",
            [EnvironmentVariableNames.Region] = "us-east-1",
        };
        error = null;
        for (var i = 0; i < args.Count && error is null; i++)
        {
            var option = args[i];
            if (option == "--no-jit")
            {
                useJit = false;
                continue;
            }

            if (i + 1 >= args.Count)
            {
                error = $"Option '{option}' needs a value (or is unknown).";
                break;
            }

            var value = args[++i];
            switch (option)
            {
                case "--aot": aot = value; break;
                case "--jit": jit = value; break;
                case "--runs": error = Count(option, value, 1, out runs); break;
                case "--warmup": error = Count(option, value, 0, out warmup); break;
                case "--handler": handler = value; break;
                case "--event": error = ReadEvent(value, out body); break;
                case "--env": error = AddVariable(value, environment); break;
                default: error = $"Unknown option '{option}'."; break;
            }
        }

        var targets = new List<ColdStartTarget>();
        if (aot is not null)
        {
            targets.Add(ColdStartTarget.Aot(aot));
        }

        if (useJit)
        {
            targets.Add(ColdStartTarget.Jit(jit));
        }

        error ??= targets.Count == 0 ? "Nothing to measure: give --aot PATH, or drop --no-jit." : null;
        error ??= targets.FirstOrDefault(t => !File.Exists(t.Program)) is { } missing ? $"'{missing.Program}' does not exist." : null;
        return error is null ? new ColdStartOptions(targets, runs, warmup, handler, body, environment) : null;
    }

    private static string? Count(string option, string value, int minimum, out int count) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out count) && count >= minimum
            ? null
            : $"Option '{option}' needs a whole number of at least {minimum}.";

    private static string? ReadEvent(string path, out byte[] body)
    {
        try
        {
            body = File.ReadAllBytes(path);
            return null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            body = [];
            return $"Cannot read the event file '{path}': {exception.Message}";
        }
    }

    private static string? AddVariable(string assignment, Dictionary<string, string> environment)
    {
        var equals = assignment.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            return $"'--env {assignment}' is not NAME=VALUE.";
        }

        environment[assignment[..equals]] = assignment[(equals + 1)..];
        return null;
    }
}
