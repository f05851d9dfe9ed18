namespace TacoMail.Lambda.Hosting;

/// <summary>The options of <c>invoke</c>: which handler, and the file holding the event.</summary>
/// <param name="Handler">A handler name (<c>--handler</c>).</param>
/// <param name="EventFile">The event's path (<c>--event</c>).</param>
internal sealed record InvokeArguments(string Handler, string EventFile)
{
    /// <summary>Reads <c>--handler NAME --event FILE</c> (also <c>--name=value</c>), in any order.</summary>
    /// <returns>The arguments, or null with <paramref name="error"/> saying what is wrong.</returns>
    public static InvokeArguments? Parse(IReadOnlyList<string> args, out string? error)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? handler = null;
        string? eventFile = null;
        for (var i = 0; i < args.Count; i++)
        {
            var (name, value) = Split(args[i]);
            if (name is not ("--handler" or "--event"))
            {
                error = $"Unknown option '{args[i]}'.";
                return null;
            }

            if (value is null && i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                value = args[++i];
            }

            if (string.IsNullOrEmpty(value))
            {
                error = $"Option '{name}' needs a value.";
                return null;
            }

            if (name == "--handler")
            {
                handler = value;
            }
            else
            {
                eventFile = value;
            }
        }

        error = handler is null ? "Missing --handler NAME." : eventFile is null ? "Missing --event FILE." : null;
        return error is null ? new InvokeArguments(handler!, eventFile!) : null;
    }

    private static (string Name, string? Value) Split(string arg)
    {
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        return arg.StartsWith("--", StringComparison.Ordinal) && equals > 0 ? (arg[..equals], arg[(equals + 1)..]) : (arg, null);
    }
}
