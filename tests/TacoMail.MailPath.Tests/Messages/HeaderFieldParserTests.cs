using System.Text;
using TacoMail.MailPath.Messages;

namespace TacoMail.MailPath.Tests.Messages;

public sealed class HeaderFieldParserTests
{
    [Fact]
    public void Parse_FoldedField_KeepsEveryLineByteForByte()
    {
        var block = "Subject: one\r\n two\r\nTo: a@b\r\n";

        var fields = HeaderFieldParser.Parse(Encoding.ASCII.GetBytes(block), out var dropped);

        fields.Select(f => f.Name).ShouldBe(["Subject", "To"]);
        Encoding.ASCII.GetString(fields[0].Raw).ShouldBe("Subject: one\r\n two\r\n");
        Encoding.ASCII.GetString(fields[0].Value).ShouldBe(" one\r\n two\r\n");
        dropped.ShouldBe(0);
    }

    [Fact]
    public void Parse_MboxFromLineAndEmptyName_AreDroppedWithTheirFoldedLines()
    {
        var block = "From sender@x Thu May  1 10:00:00 2025\r\n: no name\r\n continued\r\nSubject: kept\r\n";

        var fields = HeaderFieldParser.Parse(Encoding.ASCII.GetBytes(block), out var dropped);

        fields.ShouldHaveSingleItem().Name.ShouldBe("Subject");
        dropped.ShouldBe(3);
    }

    [Fact]
    public void Parse_BlanksBeforeTheColon_AreNotPartOfTheName()
    {
        var fields = HeaderFieldParser.Parse("Subject : obsolete\r\n"u8, out _);

        fields.ShouldHaveSingleItem().Is("subject").ShouldBeTrue();
    }
}
