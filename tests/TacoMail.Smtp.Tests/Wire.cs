using MimeKit;

namespace TacoMail.Smtp.Tests;

/// <summary>A message as MailKit puts it on the wire: CRLF line ends, and raw UTF-8 headers when <c>international</c>.</summary>
internal static class Wire
{
    public static byte[] Of(MimeMessage message, bool international = false)
    {
        using var stream = new MemoryStream();
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        format.International = international;
        message.WriteTo(format, stream);
        return stream.ToArray();
    }
}
