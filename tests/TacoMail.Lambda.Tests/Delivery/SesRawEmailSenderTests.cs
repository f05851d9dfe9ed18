using System.Text;
using System.Text.Json;
using Amazon.Runtime;
using Microsoft.Extensions.Time.Testing;
using TacoMail.Lambda.Delivery.Sending;
using TacoMail.Lambda.Ses;
using TacoMail.Lambda.Tests.Ses;
using TacoMail.MailPath.Messages;

namespace TacoMail.Lambda.Tests.Delivery;

/// <summary>SendEmail against a real HTTP listener on loopback: the streamed, signed request as SES receives it.</summary>
public sealed class SesRawEmailSenderTests : IDisposable
{
    private const string SecretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 5, 1, 10, 0, 0, TimeSpan.Zero));
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false });
    private readonly string _directory = Directory.CreateTempSubdirectory("tacomail-unit-").FullName;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        _http.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task SendAsync_Accepted_PostsSignedJsonToTheV2PathAndReturnsTheId()
    {
        await using var ses = LoopbackSes.Answering(new SesAnswer(200, """{"MessageId":"0100-sent"}"""));
        var message = Encoding.ASCII.GetBytes("From: a@b\r\n\r\nbody\r\n");

        var result = await Sender(ses.Endpoint).SendAsync(Email(message), Token);

        result.MessageId.ShouldBe("0100-sent");
        var request = ses.Requests.ShouldHaveSingleItem();
        request.Method.ShouldBe("POST");
        request.Path.ShouldBe("/v2/email/outbound-emails");
        request.Header("Content-Type").ShouldBe("application/json");
        var parts = IndependentSigV4Verifier.Parse(request.Header("Authorization")!);
        parts.Service.ShouldBe("ses");
        parts.Signature.ShouldBe(IndependentSigV4Verifier.ExpectedSignature(request, SecretKey));
        JsonDocument.Parse(request.ReadBody()).RootElement.GetProperty("Content").GetProperty("Raw").GetProperty("Data")
            .GetBytesFromBase64().ShouldBe(message);
        Directory.GetFiles(_directory, "tacomail-send-*").ShouldBeEmpty();
    }

    [Fact]
    public async Task SendAsync_MessageRejected_ReturnsTheRejection()
    {
        await using var ses = LoopbackSes.Answering(new SesAnswer(400, """{"__type":"MessageRejected","message":"Address blacklisted."}"""));

        var result = await Sender(ses.Endpoint).SendAsync(Email("x"u8.ToArray()), Token);

        result.RejectionCode.ShouldBe("MessageRejected");
    }

    [Fact]
    public async Task SendAsync_ServerError_ThrowsSesException()
    {
        await using var ses = LoopbackSes.Answering(new SesAnswer(500, "{}"));

        var exception = await Should.ThrowAsync<SesException>(() => Sender(ses.Endpoint).SendAsync(Email("x"u8.ToArray()), Token));

        exception.StatusCode.ShouldBe(500);
    }

    [Fact]
    public async Task SendAsync_NoAnswer_ThrowsSesExceptionAfterTheTimeout()
    {
        await using var ses = LoopbackSes.Answering(SesAnswer.Hang);
        var sender = new SesRawEmailSender(
            _http, new SesEndpoint(ses.Endpoint, "us-east-1"), Credentials(), TimeProvider.System, _directory, TimeSpan.FromMilliseconds(300));

        var exception = await Should.ThrowAsync<SesException>(() => sender.SendAsync(Email("x"u8.ToArray()), Token));

        exception.Message.ShouldContain("did not answer SendEmail");
    }

    [Fact]
    public async Task SendAsync_NoCredentials_ThrowsAndLeavesNoRequestBodyBehind()
    {
        await using var ses = LoopbackSes.Answering(new SesAnswer(200, "{}"));
        var sender = new SesRawEmailSender(
            _http, new SesEndpoint(ses.Endpoint, "us-east-1"), new FailingCredentialsSource(), _clock, _directory, TimeSpan.FromSeconds(10));

        await Should.ThrowAsync<SesException>(() => sender.SendAsync(Email("x"u8.ToArray()), Token));

        Directory.GetFiles(_directory).Select(Path.GetFileName).ShouldBe(["message.eml"]);
    }

    [Fact]
    public async Task SendAsync_Cancelled_LeavesNoRequestBodyBehind()
    {
        await using var ses = LoopbackSes.Answering(SesAnswer.Hang);
        using var cancellation = new CancellationTokenSource();
        var sending = Sender(ses.Endpoint).SendAsync(Email("x"u8.ToArray()), cancellation.Token);
        await cancellation.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => sending);

        Directory.GetFiles(_directory).Select(Path.GetFileName).ShouldBe(["message.eml"]);
    }

    private static FixedCredentialsSource Credentials() => new(new ImmutableCredentials("AKIDEXAMPLE", SecretKey, null));

    private SesRawEmailSender Sender(Uri endpoint) =>
        new(_http, new SesEndpoint(endpoint, "us-east-1"), Credentials(), _clock, _directory, TimeSpan.FromSeconds(10));

    private OutgoingEmail Email(byte[] message)
    {
        var path = Path.Combine(_directory, "message.eml");
        File.WriteAllBytes(path, message);
        return new OutgoingEmail("shop@example.com", "owner@destination.test", ForwardedMessage.WholeFile(path, message.Length));
    }
}
