using MimeKit;
using TacoMail.Schema.Routing;

namespace TacoMail.Smtp.Tests.Authentication;

/// <summary>
/// DMARC against a real DNS server on loopback: alignment of an SPF or DKIM pass with the From
/// domain, policy and organizational domain found by DMARCbis's tree walk (no public suffix list).
/// </summary>
public sealed class DmarcVerdictTests
{
    private const string Spf = "v=spf1 ip4:192.0.2.10 -all";

    [Fact]
    public async Task Dmarc_SpfPassForTheAuthorDomain_Pass()
    {
        await using var scene = new AuthenticationScene();
        scene.Dns.Txt("owner.test", Spf);
        scene.Dns.Txt("_dmarc.owner.test", "v=DMARC1; p=reject");

        var verdicts = await scene.CheckAsync(TestMessages.Create("Owner <me@owner.test>"), "bounces@owner.test");

        verdicts.ShouldBe(new MessageVerdicts(VerdictStatus.Missing, VerdictStatus.Missing, VerdictStatus.Pass, VerdictStatus.Gray, VerdictStatus.Pass));
        verdicts.IsSenderAuthenticated.ShouldBeTrue();
    }

    [Fact]
    public async Task Dmarc_AuthorDomainInUnicode_AlignedWithTheSameDomainInItsAsciiForm_Pass()
    {
        await using var scene = new AuthenticationScene();
        scene.Dns.Txt("xn--bcher-kva.test", Spf);
        scene.Dns.Txt("_dmarc.xn--bcher-kva.test", "v=DMARC1; p=reject");
        // An SMTPUTF8 message names its domain in Unicode; the envelope may name the same domain in its ASCII form.
        var path = scene.PathFor("unicode.eml");
        await File.WriteAllTextAsync(
            path,
            "From: Owner <me@b\u00fccher.test>\r\nTo: alias@tacomail.test\r\nSubject: Re: your order\r\n\r\nThanks.\r\n",
            TestContext.Current.CancellationToken);

        var verdicts = await scene.CheckFileAsync(path, "me@xn--bcher-kva.test");

        (verdicts.Spf, verdicts.Dmarc).ShouldBe((VerdictStatus.Pass, VerdictStatus.Pass));
        scene.Dns.Queries.ShouldContain("_dmarc.xn--bcher-kva.test");
    }

    [Fact]
    public async Task Dmarc_DkimPassOfARelaxedSubdomain_Pass()
    {
        await using var scene = new AuthenticationScene();
        var key = TestDkimKey.PublishedIn(scene.Dns, "mail.owner.test");
        scene.Dns.Txt("esp.example", Spf);
        scene.Dns.Txt("_dmarc.owner.test", "v=DMARC1; p=quarantine");
        var message = TestMessages.Create("me@owner.test");
        key.Sign(message);

        var verdicts = await scene.CheckAsync(message, "bounce-123@esp.example");

        (verdicts.Spf, verdicts.Dkim, verdicts.Dmarc).ShouldBe((VerdictStatus.Pass, VerdictStatus.Pass, VerdictStatus.Pass));
    }

    [Fact]
    public async Task Dmarc_OnlyAnUnalignedDomainPasses_Fail()
    {
        await using var scene = new AuthenticationScene();
        var key = TestDkimKey.PublishedIn(scene.Dns, "esp.example");
        scene.Dns.Txt("esp.example", Spf);
        scene.Dns.Txt("_dmarc.owner.test", "v=DMARC1; p=none");
        var message = TestMessages.Create("me@owner.test");
        key.Sign(message);

        var verdicts = await scene.CheckAsync(message, "bounce-123@esp.example");

        (verdicts.Spf, verdicts.Dkim, verdicts.Dmarc).ShouldBe((VerdictStatus.Pass, VerdictStatus.Pass, VerdictStatus.Fail));
        verdicts.IsSenderAuthenticated.ShouldBeFalse();
    }

    [Fact]
    public async Task Dmarc_LookalikeDomainIsNotASubdomain_Fail()
    {
        await using var scene = new AuthenticationScene();
        scene.Dns.Txt("evilowner.test", Spf);
        scene.Dns.Txt("_dmarc.owner.test", "v=DMARC1; p=none");

        var verdicts = await scene.CheckAsync(TestMessages.Create("me@owner.test"), "x@evilowner.test");

        (verdicts.Spf, verdicts.Dmarc).ShouldBe((VerdictStatus.Pass, VerdictStatus.Fail));
    }

    [Fact]
    public async Task Dmarc_StrictAdkimAndASubdomainSignature_Fail()
    {
        await using var scene = new AuthenticationScene();
        var key = TestDkimKey.PublishedIn(scene.Dns, "mail.owner.test");
        scene.Dns.Txt("_dmarc.owner.test", "v=DMARC1; p=reject; adkim=s");
        var message = TestMessages.Create("me@owner.test");
        key.Sign(message);

        var verdicts = await scene.CheckAsync(message, "bounce-123@esp.example");

        (verdicts.Dkim, verdicts.Dmarc).ShouldBe((VerdictStatus.Pass, VerdictStatus.Fail));
    }

    [Fact]
    public async Task Dmarc_StrictAspfAndTheExactDomain_Pass()
    {
        await using var scene = new AuthenticationScene();
        scene.Dns.Txt("owner.test", Spf);
        scene.Dns.Txt("bounces.owner.test", Spf);
        scene.Dns.Txt("_dmarc.owner.test", "V=dmarc1; P=reject; ASPF=S");

        (await scene.CheckAsync(TestMessages.Create("me@owner.test"), "x@owner.test")).Dmarc.ShouldBe(VerdictStatus.Pass);
        (await scene.CheckAsync(TestMessages.Create("me@owner.test"), "x@bounces.owner.test")).Dmarc.ShouldBe(VerdictStatus.Fail);
    }

    [Fact]
    public async Task Dmarc_NoRecordAnywhere_GrayAfterAskingEveryParent()
    {
        await using var scene = new AuthenticationScene();
        scene.Dns.Txt("owner.test", Spf);
        scene.Dns.Txt("_dmarc.owner.test", "v=spf1 -all", "DMARC1 is mentioned here but not first");

        var verdicts = await scene.CheckAsync(TestMessages.Create("me@mail.owner.test"), "x@owner.test");

        (verdicts.Spf, verdicts.Dmarc).ShouldBe((VerdictStatus.Pass, VerdictStatus.Gray));
        scene.Dns.Queries.Where(q => q.StartsWith("_dmarc.", StringComparison.Ordinal))
            .ShouldBe(["_dmarc.mail.owner.test", "_dmarc.owner.test", "_dmarc.test"]);
    }

    [Fact]
    public async Task Dmarc_RecordAtTheParent_FoundByTheTreeWalk()
    {
        await using var scene = new AuthenticationScene();
        scene.Dns.Txt("owner.test", Spf);
        scene.Dns.Txt("_dmarc.owner.test", "v=DMARC1; p=reject");

        var verdicts = await scene.CheckAsync(TestMessages.Create("me@mail.owner.test"), "x@owner.test");

        verdicts.Dmarc.ShouldBe(VerdictStatus.Pass);
        scene.Dns.Queries.ShouldContain("_dmarc.mail.owner.test");
        scene.Dns.Queries.ShouldContain("_dmarc.owner.test");
    }

    [Fact]
    public async Task Dmarc_TwoRecordsAtOneName_NeitherCounts()
    {
        await using var scene = new AuthenticationScene();
        scene.Dns.Txt("owner.test", Spf);
        scene.Dns.Txt("_dmarc.owner.test", "v=DMARC1; p=reject", "v=DMARC1; p=none");

        (await scene.CheckAsync(TestMessages.Create("me@owner.test"), "x@owner.test")).Dmarc.ShouldBe(VerdictStatus.Gray);
    }

    [Fact]
    public async Task Dmarc_LongAuthorDomain_JumpsToTheRightmostSevenLabels()
    {
        await using var scene = new AuthenticationScene();

        await scene.CheckAsync(TestMessages.Create("me@a.b.c.d.e.f.g.h.i.owner.test"), "x@owner.test");

        scene.Dns.Queries.Where(q => q.StartsWith("_dmarc.", StringComparison.Ordinal)).ShouldBe(
        [
            "_dmarc.a.b.c.d.e.f.g.h.i.owner.test",
            "_dmarc.e.f.g.h.i.owner.test",
            "_dmarc.f.g.h.i.owner.test",
            "_dmarc.g.h.i.owner.test",
            "_dmarc.h.i.owner.test",
            "_dmarc.i.owner.test",
            "_dmarc.owner.test",
            "_dmarc.test",
        ]);
    }

    [Fact]
    public async Task Dmarc_PublicSuffixDomainRecord_OrganizationIsOneLabelBelowIt()
    {
        // Without psd=y, owner.test would be the organization and a signature by a sibling would align.
        await using var scene = new AuthenticationScene();
        var sibling = TestDkimKey.Create("other.owner.test");
        scene.Dns.Txt(sibling.Name, sibling.TxtRecord);
        scene.Dns.Txt("_dmarc.owner.test", "v=DMARC1; p=reject; psd=y");
        var message = TestMessages.Create("me@shop.owner.test");
        sibling.Sign(message);

        (await scene.CheckAsync(message, "x@esp.example")).Dmarc.ShouldBe(VerdictStatus.Fail);

        scene.Dns.Txt("_dmarc.owner.test", "v=DMARC1; p=reject");
        (await scene.CheckAsync(message, "x@esp.example")).Dmarc.ShouldBe(VerdictStatus.Pass);
    }

    [Fact]
    public async Task Dmarc_PsdNo_StopsTheOrganizationBelowAShorterRecord()
    {
        await using var scene = new AuthenticationScene();
        var key = TestDkimKey.PublishedIn(scene.Dns, "c.owner.test");
        scene.Dns.Txt("_dmarc.b.owner.test", "v=DMARC1; p=none; psd=n");
        scene.Dns.Txt("_dmarc.owner.test", "v=DMARC1; p=reject");
        var message = TestMessages.Create("me@a.b.owner.test");
        key.Sign(message);

        (await scene.CheckAsync(message, "x@esp.example")).Dmarc.ShouldBe(VerdictStatus.Fail);
    }

    [Fact]
    public async Task Dmarc_ServerFailureDuringTheWalk_ProcessingFailed()
    {
        await using var scene = new AuthenticationScene();
        scene.Dns.Txt("owner.test", Spf);
        scene.Dns.ServerFailure("_dmarc.owner.test");

        var verdicts = await scene.CheckAsync(TestMessages.Create("me@mail.owner.test"), "x@owner.test");

        (verdicts.Spf, verdicts.Dmarc).ShouldBe((VerdictStatus.Pass, VerdictStatus.ProcessingFailed));
    }

    [Fact]
    public async Task Dmarc_SeveralFromAddresses_Fail()
    {
        await using var scene = new AuthenticationScene();
        scene.Dns.Txt("owner.test", Spf);
        scene.Dns.Txt("_dmarc.owner.test", "v=DMARC1; p=reject");
        var message = TestMessages.Create("me@owner.test");
        message.From.Add(MailboxAddress.Parse("you@owner.test"));

        (await scene.CheckAsync(message, "x@owner.test")).Dmarc.ShouldBe(VerdictStatus.Fail);
    }

    [Fact]
    public async Task Dmarc_NoFrom_Fail()
    {
        await using var scene = new AuthenticationScene();
        scene.Dns.Txt("owner.test", Spf);
        var message = TestMessages.Create("me@owner.test");
        message.From.Clear();

        (await scene.CheckAsync(message, "x@owner.test")).Dmarc.ShouldBe(VerdictStatus.Fail);
    }

    [Fact]
    public async Task Dmarc_UpperCaseAuthorDomain_AlignsCaseInsensitively()
    {
        await using var scene = new AuthenticationScene();
        scene.Dns.Txt("owner.test", Spf);
        scene.Dns.Txt("_dmarc.owner.test", "v=DMARC1; p=reject");

        (await scene.CheckAsync(TestMessages.Create("Me@Mail.OWNER.test"), "x@Owner.Test")).Dmarc.ShouldBe(VerdictStatus.Pass);
    }
}
