using System.Globalization;
using TacoMail.Schema.Addresses;

namespace TacoMail.Smtp.Logging;

/// <summary>
/// One line per decision on standard error: RCPT verdicts, queued and dropped messages, deferrals.
/// Addresses are masked (<see cref="AddressMask"/>) and a subject or body never appears: the log
/// is read by people who are not the mailbox's owner.
/// </summary>
internal sealed class DecisionLog(TextWriter writer, TimeProvider time)
{
    private readonly Lock _gate = new();

    public void Write(string eventName, params (string Name, string? Value)[] fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var line = string.Join(' ', fields.Where(f => f.Value is not null).Select(f => $"{f.Name}={f.Value}").Prepend(eventName)
            .Prepend(time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture)));
        lock (_gate)
        {
            writer.WriteLine(line);
            writer.Flush();
        }
    }

    /// <summary>The masked form of an envelope address; <c>&lt;&gt;</c> for the null sender.</summary>
    public static string Masked(string? address) =>
        string.IsNullOrEmpty(address) ? "<>" : AddressMask.Mask(address);
}
