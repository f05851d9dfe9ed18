using System.Text;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using TacoMail.Testing.DynamoDb;

using static TacoMail.Smtp.Tests.TestMail;

namespace TacoMail.Smtp.Tests;

/// <summary>STARTTLS with a certificate made in the test; AUTH is never offered, before or after.</summary>
public sealed class StartTlsTests(DynamoDbLocalFixture dynamo)
{
    [Fact]
    public async Task Ehlo_WithCertificate_AdvertisesStartTlsButNeverAuth()
    {
        using var certificate = TestCertificate.Create();
        await using var harness = await SmtpHarness.StartAsync(dynamo, certificate: certificate);
        var (session, _) = await RawSmtpSession.ConnectAsync(harness.Port);
        await using var __ = session;

        var ehlo = await session.CommandAsync("EHLO client.example");

        ehlo.ShouldContain("250-STARTTLS");
        ehlo.ShouldNotContain("AUTH");
    }

    [Fact]
    public async Task Auth_AfterStartTls_NotOfferedAndRefused()
    {
        using var certificate = TestCertificate.Create();
        await using var harness = await SmtpHarness.StartAsync(dynamo, certificate: certificate);
        var (session, _) = await RawSmtpSession.ConnectAsync(harness.Port);
        await using var __ = session;
        await session.CommandAsync("EHLO client.example");

        var ready = await session.StartTlsAsync(certificate.Thumbprint);
        var ehlo = await session.CommandAsync("EHLO client.example");
        var auth = await session.CommandAsync("AUTH PLAIN " + Convert.ToBase64String("\0user\0password"u8));

        ready.ShouldStartWith("220");
        ehlo.ShouldStartWith("250-");
        ehlo.ShouldNotContain("STARTTLS");
        ehlo.ShouldNotContain("AUTH");
        auth.ShouldStartWith("535");
        (await session.CommandAsync("MAIL FROM:<jane@sender.example>")).ShouldStartWith("250");
    }

    [Fact]
    public async Task Send_OverStartTls_QueuedByteForByteAndStillNoAuth()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var certificate = TestCertificate.Create();
        await using var harness = await SmtpHarness.StartAsync(dynamo, certificate: certificate);
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("jane@sender.example"));
        message.To.Add(MailboxAddress.Parse("shop@example.com"));
        message.Subject = "Over TLS";
        message.Body = new TextPart("plain") { Text = "Encrypted on the wire." };
        // Self-signed: trusted because it is exactly the server's certificate.
        using var protocol = new MemoryStream();
        using var client = new SmtpClient(new MailKit.ProtocolLogger(protocol, leaveOpen: true))
        {
            ServerCertificateValidationCallback = (_, presented, _, _) => presented?.GetCertHashString() == certificate.Thumbprint,
        };

        await client.ConnectAsync("127.0.0.1", harness.Port, SecureSocketOptions.StartTls, cancellationToken);
        var secure = client.IsSecure;
        var capabilities = client.Capabilities;
        var mechanisms = client.AuthenticationMechanisms.ToList();
        var answer = await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);

        secure.ShouldBeTrue();
        var log = Encoding.UTF8.GetString(protocol.ToArray());
        var afterTls = log[(log.IndexOf("C: STARTTLS", StringComparison.Ordinal) + "C: STARTTLS".Length)..];
        afterTls.ShouldContain("S: 250-8BITMIME");
        afterTls.ShouldNotContain("STARTTLS");
        afterTls.ShouldNotContain("AUTH");
        capabilities.HasFlag(SmtpCapabilities.Authentication).ShouldBeFalse(log);
        mechanisms.ShouldBeEmpty();
        answer.ShouldStartWith("2.0.0 Ok: queued as ");
        var queued = harness.Queued(".eml").ShouldHaveSingleItem();
        var bytes = await File.ReadAllBytesAsync(queued, cancellationToken);
        WithoutTrace(bytes).ShouldBe(Wire.Of(message));
        System.Text.Encoding.ASCII.GetString(bytes).ShouldContain("by tacomail with ESMTPS id ");
    }
}
