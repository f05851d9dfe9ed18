using TacoMail.Schema.Routing;

namespace TacoMail.Schema.Tests.Routing;

public sealed class MessageVerdictsTests
{
    [Theory]
    [InlineData(VerdictStatus.Pass, VerdictStatus.Missing, VerdictStatus.Missing, true)]
    [InlineData(VerdictStatus.Missing, VerdictStatus.Pass, VerdictStatus.Missing, false)]
    [InlineData(VerdictStatus.Pass, VerdictStatus.Pass, VerdictStatus.Pass, true)]
    [InlineData(VerdictStatus.Pass, VerdictStatus.Fail, VerdictStatus.Gray, true)]
    [InlineData(VerdictStatus.Fail, VerdictStatus.Pass, VerdictStatus.ProcessingFailed, false)]
    [InlineData(VerdictStatus.Fail, VerdictStatus.Pass, VerdictStatus.Pass, false)]
    [InlineData(VerdictStatus.Pass, VerdictStatus.Pass, VerdictStatus.Fail, false)]
    [InlineData(VerdictStatus.Fail, VerdictStatus.Fail, VerdictStatus.Pass, false)]
    [InlineData(VerdictStatus.Gray, VerdictStatus.ProcessingFailed, VerdictStatus.Missing, false)]
    [InlineData(VerdictStatus.Missing, VerdictStatus.Missing, VerdictStatus.Missing, false)]
    public void IsSenderAuthenticated_SpfDkimDmarc_RequiresSpfPassAndNoDmarcFail(
        VerdictStatus spf, VerdictStatus dkim, VerdictStatus dmarc, bool expected) =>
        (MessageVerdicts.None with { Spf = spf, Dkim = dkim, Dmarc = dmarc }).IsSenderAuthenticated.ShouldBe(expected);

    [Theory]
    [InlineData(VerdictStatus.Fail, true)]
    [InlineData(VerdictStatus.Pass, false)]
    [InlineData(VerdictStatus.Gray, false)]
    [InlineData(VerdictStatus.ProcessingFailed, false)]
    [InlineData(VerdictStatus.Missing, false)]
    public void IsSpam_SpamVerdict_TrueOnlyOnFail(VerdictStatus spam, bool expected) =>
        (MessageVerdicts.None with { Spam = spam }).IsSpam.ShouldBe(expected);

    [Theory]
    [InlineData(VerdictStatus.Fail, true)]
    [InlineData(VerdictStatus.Pass, false)]
    [InlineData(VerdictStatus.Missing, false)]
    public void IsVirus_VirusVerdict_TrueOnlyOnFail(VerdictStatus virus, bool expected) =>
        (MessageVerdicts.None with { Virus = virus }).IsVirus.ShouldBe(expected);
}
