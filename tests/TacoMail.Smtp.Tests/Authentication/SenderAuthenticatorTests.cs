using System.Net;
using System.Net.Sockets;
using MimeKit;
using TacoMail.Schema.Routing;
using TacoMail.Smtp.Authentication;

namespace TacoMail.Smtp.Tests.Authentication;

/// <summary>
/// SPF and DKIM against a real DNS server on loopback, with messages signed by a real key and
/// read back from disk as the spool keeps them: each verdict exactly as SES would report it.
/// </summary>
public sealed class SenderAuthenticatorTests
{
    private const string Trace =
        "Return-Path: <owner@sender.test>\r\n" +
        "Received: from mail.sender.test ([192.0.2.10]) by tacomail.test with ESMTP id abc; Thu, 3 Dec 2026 09:00:01 +0000\r\n";

    [Theory]
    [InlineData("v=spf1 ip4:192.0.2.10 -all", VerdictStatus.Pass)]
    [InlineData("v=spf1 ip4:192.0.2.0/24 -all", VerdictStatus.Pass)]
    [InlineData("v=spf1 ip4:192.0.2.99 -all", VerdictStatus.Fail)]
    [InlineData("v=spf1 ip4:192.0.2.99 ~all", VerdictStatus.Fail)]
    [InlineData("v=spf1 ip4:192.0.2.99 ?all", VerdictStatus.Gray)]
    [InlineData("v=spf1 ip4:192.0.2.99 include:missing.sender.test -all", VerdictStatus.Fail)]
    public async Task Spf_PublishedRecord_Verdict(string record, VerdictStatus expected)
    {
        await using var scene = new AuthenticationScene();
        scene.Dns.Txt("sender.test", "some-site-verification=abc", record);

        var verdicts = await scene.CheckAsync(TestMessages.Create("owner@sender.test"), "owner@sender.test");

        verdicts.Spf.ShouldBe(expected);
        verdicts.Spam.ShouldBe(VerdictStatus.Missing);
        verdicts.Virus.ShouldBe(VerdictStatus.Missing);
    }

    [Fact]
    public async Task Spf_RecordLongerThanOneUdpAnswer_Pass()
    {
        await using var scene = new AuthenticationScene();
        var others = string.Join(' ', Enumerable.Range(1, 60).Select(i => $"ip4:198.51.100.{i}"));
        scene.Dns.Txt("sender.test", $"v=spf1 {others} ip4:192.0.2.10 -all");

        (await scene.CheckAsync(TestMessages.Create("owner@sender.test"), "owner@sender.test")).Spf.ShouldBe(VerdictStatus.Pass);
    }

    [Fact]
    public async Task Spf_NoRecord_Gray()
    {
        await using var scene = new AuthenticationScene();
        scene.Dns.Txt("sender.test", "not an spf record");

        (await scene.CheckAsync(TestMessages.Create("owner@sender.test"), "owner@sender.test")).Spf.ShouldBe(VerdictStatus.Gray);
        scene.Dns.Queries.ShouldContain("sender.test");
    }

    [Fact]
    public async Task Spf_DomainDoesNotExist_Gray()
    {
        await using var scene = new AuthenticationScene();

        (await scene.CheckAsync(TestMessages.Create("owner@sender.test"), "owner@nowhere.test")).Spf.ShouldBe(VerdictStatus.Gray);
    }

    [Fact]
    public async Task Spf_ServerFailure_ProcessingFailed()
    {
        await using var scene = new AuthenticationScene();
        scene.Dns.Txt("sender.test", "v=spf1 ip4:192.0.2.10 -all");
        scene.Dns.ServerFailure("sender.test");

        (await scene.CheckAsync(TestMessages.Create("owner@sender.test"), "owner@sender.test")).Spf.ShouldBe(VerdictStatus.ProcessingFailed);
    }

    [Fact]
    public async Task Spf_ServerFailureInInclude_ProcessingFailed()
    {
        await using var scene = new AuthenticationScene();
        scene.Dns.Txt("sender.test", "v=spf1 include:spf.provider.test -all");
        scene.Dns.ServerFailure("spf.provider.test");

        (await scene.CheckAsync(TestMessages.Create("owner@sender.test"), "owner@sender.test")).Spf.ShouldBe(VerdictStatus.ProcessingFailed);
    }

    [Theory]
    [InlineData("owner@bad domain.test")]
    [InlineData("owner@")]
    [InlineData("owner@a..test")]
    public async Task Spf_SenderDomainThatIsNotADomainName_Gray(string envelopeSender)
    {
        await using var scene = new AuthenticationScene();

        (await scene.CheckAsync(TestMessages.Create("owner@sender.test"), envelopeSender)).Spf.ShouldBe(VerdictStatus.Gray);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task Spf_NullSender_GrayWithoutAsking(string? envelopeSender)
    {
        await using var scene = new AuthenticationScene();
        scene.Dns.Txt("sender.test", "v=spf1 ip4:192.0.2.10 -all");

        (await scene.CheckAsync(TestMessages.Create("owner@sender.test"), envelopeSender)).Spf.ShouldBe(VerdictStatus.Gray);
        scene.Dns.Queries.ShouldNotContain("sender.test");
    }

    [Fact]
    public async Task Dkim_SignedAndKeyPublished_Pass()
    {
        await using var scene = new AuthenticationScene();
        var key = TestDkimKey.PublishedIn(scene.Dns, "sender.test");
        var message = TestMessages.Create("owner@sender.test");
        key.Sign(message);

        (await scene.CheckAsync(message, "owner@sender.test")).Dkim.ShouldBe(VerdictStatus.Pass);
        scene.Dns.Queries.ShouldContain("s1._domainkey.sender.test");
    }

    [Fact]
    public async Task Dkim_TracePrependedAfterSigning_StillPass()
    {
        await using var scene = new AuthenticationScene();
        var key = TestDkimKey.PublishedIn(scene.Dns, "sender.test");
        var message = TestMessages.Create("owner@sender.test");
        key.Sign(message);

        var verdicts = await scene.CheckAsync(message, "owner@sender.test", Trace);

        verdicts.Dkim.ShouldBe(VerdictStatus.Pass);
        File.ReadAllText(scene.PathFor("message-1.eml")).ShouldStartWith("Return-Path: <owner@sender.test>\r\nReceived: from mail.sender.test");
    }

    [Fact]
    public async Task Dkim_BodyAlteredAfterSigning_Fail()
    {
        await using var scene = new AuthenticationScene();
        var key = TestDkimKey.PublishedIn(scene.Dns, "sender.test");
        var message = TestMessages.Create("owner@sender.test");
        key.Sign(message);
        var path = scene.PathFor("altered.eml");
        await TestMessages.WriteAsync(message, path, Trace, TestContext.Current.CancellationToken);
        var text = await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(path, text.Replace("Monday", "Tuesday", StringComparison.Ordinal), TestContext.Current.CancellationToken);

        (await scene.CheckFileAsync(path, "owner@sender.test")).Dkim.ShouldBe(VerdictStatus.Fail);
    }

    [Fact]
    public async Task Dkim_SignedHeaderAlteredAfterSigning_Fail()
    {
        await using var scene = new AuthenticationScene();
        var key = TestDkimKey.PublishedIn(scene.Dns, "sender.test");
        var message = TestMessages.Create("owner@sender.test");
        key.Sign(message);
        message.Subject = "Re: your order (changed)";

        (await scene.CheckAsync(message, "owner@sender.test")).Dkim.ShouldBe(VerdictStatus.Fail);
    }

    [Fact]
    public async Task Dkim_NoKeyPublished_Fail()
    {
        await using var scene = new AuthenticationScene();
        var message = TestMessages.Create("owner@sender.test");
        TestDkimKey.Create("sender.test").Sign(message);

        (await scene.CheckAsync(message, "owner@sender.test")).Dkim.ShouldBe(VerdictStatus.Fail);
        scene.Dns.Queries.ShouldContain("s1._domainkey.sender.test");
    }

    [Fact]
    public async Task Dkim_OtherKeyPublished_Fail()
    {
        await using var scene = new AuthenticationScene();
        scene.Dns.Txt("s1._domainkey.sender.test", TestDkimKey.Create("sender.test").TxtRecord);
        var message = TestMessages.Create("owner@sender.test");
        TestDkimKey.Create("sender.test").Sign(message);

        (await scene.CheckAsync(message, "owner@sender.test")).Dkim.ShouldBe(VerdictStatus.Fail);
    }

    [Fact]
    public async Task Dkim_MalformedSignature_Fail()
    {
        await using var scene = new AuthenticationScene();
        var message = TestMessages.Create("owner@sender.test");
        message.Headers.Add(HeaderId.DkimSignature, "v=1; a=rsa-sha256; this is not a tag list");

        (await scene.CheckAsync(message, "owner@sender.test")).Dkim.ShouldBe(VerdictStatus.Fail);
    }

    [Fact]
    public async Task Dkim_KeyBesideAnotherTxtRecord_Pass()
    {
        await using var scene = new AuthenticationScene();
        var key = TestDkimKey.Create("sender.test");
        scene.Dns.Txt(key.Name, "v=DKIM1; k=rsa; p=bm90IGEga2V5", key.TxtRecord);
        var message = TestMessages.Create("owner@sender.test");
        key.Sign(message);

        (await scene.CheckAsync(message, "owner@sender.test")).Dkim.ShouldBe(VerdictStatus.Pass);
    }

    [Fact]
    public async Task Dkim_NoSignature_Gray()
    {
        await using var scene = new AuthenticationScene();

        (await scene.CheckAsync(TestMessages.Create("owner@sender.test"), "owner@sender.test")).Dkim.ShouldBe(VerdictStatus.Gray);
    }

    [Fact]
    public async Task Dkim_KeyLookupServerFailure_ProcessingFailed()
    {
        await using var scene = new AuthenticationScene();
        var key = TestDkimKey.PublishedIn(scene.Dns, "sender.test");
        scene.Dns.ServerFailure(key.Name);
        var message = TestMessages.Create("owner@sender.test");
        key.Sign(message);

        (await scene.CheckAsync(message, "owner@sender.test")).Dkim.ShouldBe(VerdictStatus.ProcessingFailed);
    }

    [Fact]
    public async Task Dkim_OneOfTwoSignaturesPasses_PassDespiteServerFailureOfTheOther()
    {
        await using var scene = new AuthenticationScene();
        var good = TestDkimKey.Create("sender.test");
        var unreachable = TestDkimKey.Create("esp.example", "k2");
        scene.Dns.Txt(good.Name, good.TxtRecord);
        scene.Dns.ServerFailure(unreachable.Name);
        var message = TestMessages.Create("owner@sender.test");
        unreachable.Sign(message);
        good.Sign(message);

        (await scene.CheckAsync(message, "owner@sender.test")).Dkim.ShouldBe(VerdictStatus.Pass);
        scene.Dns.Queries.ShouldContain(unreachable.Name);
    }

    [Fact]
    public async Task Dkim_LongKeyRecordInSeveralStrings_Pass()
    {
        await using var scene = new AuthenticationScene();
        var key = TestDkimKey.Create("sender.test");
        key.TxtRecord.Length.ShouldBeGreaterThan(255);
        scene.Dns.Txt(key.Name, key.TxtRecord);
        var message = TestMessages.Create("owner@sender.test");
        key.Sign(message);

        (await scene.CheckAsync(message, "owner@sender.test")).Dkim.ShouldBe(VerdictStatus.Pass);
    }

    [Fact]
    public async Task Check_MessageFileMissing_ProcessingFailedNotThrown()
    {
        await using var scene = new AuthenticationScene();
        scene.Dns.Txt("sender.test", "v=spf1 ip4:192.0.2.10 -all");

        var verdicts = await scene.CheckFileAsync(scene.PathFor("gone.eml"), "owner@sender.test");

        verdicts.ShouldBe(new MessageVerdicts(
            VerdictStatus.Missing, VerdictStatus.Missing, VerdictStatus.Pass, VerdictStatus.ProcessingFailed, VerdictStatus.ProcessingFailed));
    }

    [Fact]
    public async Task Check_DnsServerUnreachable_ProcessingFailedEverywhere()
    {
        await using var scene = new AuthenticationScene();
        var message = TestMessages.Create("me@owner.test");
        TestDkimKey.Create("owner.test").Sign(message);
        var path = await TestMessages.WriteAsync(message, scene.PathFor("unreachable.eml"), Trace, TestContext.Current.CancellationToken);
        int closed;
        using (var probe = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0)))
        {
            closed = ((IPEndPoint)probe.Client.LocalEndPoint!).Port;
        }

        var verdicts = await new SenderAuthenticator(DnsResolvers.For(new IPEndPoint(IPAddress.Loopback, closed), TimeSpan.FromMilliseconds(300)))
            .CheckAsync(AuthenticationScene.Client, "bounces@owner.test", path, TestContext.Current.CancellationToken);

        verdicts.ShouldBe(new MessageVerdicts(
            VerdictStatus.Missing, VerdictStatus.Missing, VerdictStatus.ProcessingFailed, VerdictStatus.ProcessingFailed, VerdictStatus.ProcessingFailed));
    }

    [Fact]
    public async Task Check_NotAMessage_NoThrow()
    {
        await using var scene = new AuthenticationScene();
        var path = scene.PathFor("empty.eml");
        await File.WriteAllBytesAsync(path, [], TestContext.Current.CancellationToken);

        var verdicts = await scene.CheckFileAsync(path, "owner@sender.test", IPAddress.Parse("192.0.2.20"));

        verdicts.ShouldBe(new MessageVerdicts(VerdictStatus.Missing, VerdictStatus.Missing, VerdictStatus.Gray, VerdictStatus.Gray, VerdictStatus.Fail));
    }
}
