using System.Globalization;
using System.Text;
using TacoMail.Schema.Model;

namespace TacoMail.Bench.Smtp;

/// <summary>
/// The aliases the smtp benchmark seeds and the messages it sends. Every message goes to one
/// paused alias; nine in ten also to an active one (every third of those through a sub-address),
/// the tenth to the paused alias alone (accepted, dropped, nothing queued); every fourth also to
/// an unknown address, which RCPT refuses with 550 while the others are accepted.
/// </summary>
internal static class SmtpBenchPlan
{
    public const string Domain = "example.com";

    private const int AliasesPerState = 50;
    private const int LineLength = 76;

    /// <summary>The aliases to write beside <c>BenchTable</c>'s own.</summary>
    public static IEnumerable<(string LocalPart, AliasState State)> Aliases() =>
        Enumerable.Range(0, AliasesPerState).SelectMany(i => new[] { (Active(i), AliasState.Active), (Paused(i), AliasState.Paused) });

    public static IReadOnlyList<PlannedMessage> Create(SmtpBenchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return [.. Enumerable.Range(0, options.Messages).Select(i => Message(i, options.Size))];
    }

    private static PlannedMessage Message(int index, int size)
    {
        var recipients = new List<PlannedRecipient>();
        if (index % 10 != 9)
        {
            var active = Active(index % AliasesPerState) + (index % 3 == 0 ? "+bench" : string.Empty);
            recipients.Add(new PlannedRecipient($"{active}@{Domain}", RecipientKind.Active));
        }

        recipients.Add(new PlannedRecipient($"{Paused((index * 7) % AliasesPerState)}@{Domain}", RecipientKind.Paused));
        if (index % 4 == 0)
        {
            recipients.Add(new PlannedRecipient(string.Create(CultureInfo.InvariantCulture, $"nobody{index:D6}@{Domain}"), RecipientKind.Unknown));
        }

        var sender = string.Create(CultureInfo.InvariantCulture, $"sender{index % 16:D2}@mailer.example");
        return new PlannedMessage(index, sender, recipients, Content(index, sender, size));
    }

    /// <summary>A plain-text message of exactly <paramref name="size"/> bytes: headers, then filler lines of at most 78 characters.</summary>
    private static byte[] Content(int index, string sender, int size)
    {
        var text = new StringBuilder(size);
        text.Append(CultureInfo.InvariantCulture, $"From: Bench Sender <{sender}>\r\n");
        text.Append("To: undisclosed-recipients:;\r\n");
        text.Append("Subject: Benchmark message\r\n");
        text.Append("Date: Wed, 02 Dec 2026 10:00:00 +0000\r\n");
        text.Append(CultureInfo.InvariantCulture, $"Message-ID: <bench-{index:D6}@mailer.example>\r\n");
        text.Append("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n");
        var line = 0;
        while (size - text.Length > 0)
        {
            // Whole lines of LineLength, then one or two shorter ones to land on the size exactly.
            var remaining = size - text.Length;
            var length = remaining > LineLength + 4 ? LineLength : remaining <= LineLength + 2 ? remaining - 2 : remaining / 2 - 2;
            var filler = string.Create(CultureInfo.InvariantCulture, $"line {line++:D4} ");
            text.Append(filler.Length <= length ? filler + new string('x', length - filler.Length) : new string('x', length));
            text.Append("\r\n");
        }

        var bytes = Encoding.ASCII.GetBytes(text.ToString());
        return bytes.Length == size ? bytes : throw new InvalidOperationException($"The message is {bytes.Length} bytes, not {size}.");
    }

    private static string Active(int i) => string.Create(CultureInfo.InvariantCulture, $"active{i:D2}");

    private static string Paused(int i) => string.Create(CultureInfo.InvariantCulture, $"paused{i:D2}");
}
