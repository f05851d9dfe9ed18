using TacoMail.Reconciler.Mailbox;

namespace TacoMail.Reconciler.Tests.Mailbox;

public sealed class MaildirNameTests
{
    [Theory]
    [InlineData("1764417600.M1P2.host:2,S", "1764417600.M1P2.host")]
    [InlineData("1764417600.M1P2.host:2,", "1764417600.M1P2.host")]
    [InlineData("1764417600.M1P2.host", "1764417600.M1P2.host")]
    public void UniquePart_FileName_DropsTheInfoPart(string fileName, string expected) =>
        MaildirName.UniquePart(fileName).ShouldBe(expected);

    [Theory]
    [InlineData("1764417600.M1P2.host", true)]
    [InlineData("1764417600.M1P2.host,S=1234", true)]
    [InlineData("", false)]
    [InlineData(".hidden", false)]
    [InlineData("..", false)]
    [InlineData("a:2,S", false)]
    [InlineData("a\\b", false)]
    [InlineData("a\nb", false)]
    public void IsValidUniqueName_Name_AcceptsOnlyPlainUniqueNames(string name, bool valid) =>
        MaildirName.IsValidUniqueName(name).ShouldBe(valid);

    [Fact]
    public void IsValidUniqueName_LongerThanAFileNameCanBe_IsFalse() =>
        MaildirName.IsValidUniqueName(new string('a', 256)).ShouldBeFalse();
}
