using System.Text;
using TacoMail.MailPath.Replies;

namespace TacoMail.MailPath.Tests.Replies;

public sealed class BodyTextTests
{
    [Theory]
    [InlineData("koi8-r", "Спасибо")]
    [InlineData("Shift_JIS", "ありがとう")]
    [InlineData("\"windows-1252\"", "€ – naïve")]
    [InlineData("iso-8859-15", "€uro")]
    [InlineData("utf-8", "Grüße €")]
    public void Decode_DeclaredCharset_IsUsedWithoutAProcessWideProvider(string charset, string text)
    {
        var bytes = Charset(charset.Trim('"')).GetBytes(text);

        var decoded = BodyText.Decode(bytes, charset, out var encoding);

        decoded.ShouldBe(text);
        encoding.GetBytes(decoded).ShouldBe(bytes);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("x-unknown-charset")]
    public void Decode_NoKnownCharsetAndValidUtf8_IsUtf8(string? charset)
    {
        var decoded = BodyText.Decode("Grüße"u8, charset, out var encoding);

        decoded.ShouldBe("Grüße");
        encoding.WebName.ShouldBe("utf-8");
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("us-ascii")]
    [InlineData(null)]
    public void Decode_BytesInvalidInTheCharset_RoundTripAsLatin1(string? charset)
    {
        byte[] bytes = [.. "Gr"u8, 0xFC, 0xDF, 0xFF, .. " owner@private.test"u8];

        var decoded = BodyText.Decode(bytes, charset, out var encoding);

        decoded.ShouldEndWith(" owner@private.test");
        encoding.ShouldBe(Encoding.Latin1);
        encoding.GetBytes(decoded).ShouldBe(bytes);
    }

    /// <summary>The legacy code pages without registering them for the whole test process.</summary>
    private static Encoding Charset(string name) => CodePagesEncodingProvider.Instance.GetEncoding(name) ?? Encoding.GetEncoding(name);
}
