using MimeKit;

namespace TacoMail.Smtp.Tests.Authentication;

/// <summary>Messages as a sender's server writes them, and on disk as the spool keeps them (CRLF, trace lines first).</summary>
internal static class TestMessages
{
    /// <summary>CRLF, as on the wire and in the spool.</summary>
    public static FormatOptions Format { get; } = new() { NewLineFormat = NewLineFormat.Dos };

    public static MimeMessage Create(string from, string to = "alias@tacomail.test")
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = "Re: your order";
        message.Date = new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
        message.MessageId = "reply-1@sender.test";
        message.Body = new TextPart("plain") { Text = "Thanks, that works for me.\r\nSee you on Monday.\r\n" };
        return message;
    }

    /// <summary>Writes <paramref name="message"/> to <paramref name="path"/>, after the trace lines our server prepends.</summary>
    public static async Task<string> WriteAsync(MimeMessage message, string path, string trace = "", CancellationToken cancellationToken = default)
    {
        var file = File.Create(path);
        await using (file)
        {
            await file.WriteAsync(System.Text.Encoding.ASCII.GetBytes(trace), cancellationToken);
            await message.WriteToAsync(Format, file, cancellationToken);
        }

        return path;
    }
}
