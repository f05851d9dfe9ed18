using Amazon.Runtime;
using Microsoft.Extensions.Time.Testing;
using TacoMail.Lambda.Ses;
using TacoMail.Lambda.Tests.Hosting;
using TacoMail.Lambda.Tests.Ses.Signing;

namespace TacoMail.Lambda.Tests.Ses;

/// <summary>SendBounce against a real HTTP listener on loopback: what goes over the wire.</summary>
public sealed partial class SesBounceSenderTests : IDisposable
{
    private const string SuccessBody = """
        <SendBounceResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/">
          <SendBounceResult>
            <MessageId>0100018e3f2a-bounce-1</MessageId>
          </SendBounceResult>
          <ResponseMetadata><RequestId>9f0c6a4e-request</RequestId></ResponseMetadata>
        </SendBounceResponse>
        """;

    private static readonly BounceRequest Bounce = new(
        "o3vrnil0e2ic28trm7dfhrc2v0clambda4nbp0g1",
        "bounces@mail.example.org",
        ["gone+news@example.org", "Ünïcode user@example.org"]);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 3, 14, 9, 26, 53, TimeSpan.Zero));
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false });

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task SendBounceAsync_Success_ReturnsSesMessageId()
    {
        await using var ses = LoopbackSes.Answering(SesAnswer.Xml(200, SuccessBody));

        var messageId = await Sender(ses.Endpoint).SendBounceAsync(Bounce, Token);

        messageId.ShouldBe("0100018e3f2a-bounce-1");
    }

    [Fact]
    public async Task SendBounceAsync_Success_PostsFormToEndpointRoot()
    {
        await using var ses = LoopbackSes.Answering(SesAnswer.Xml(200, SuccessBody));

        await Sender(ses.Endpoint).SendBounceAsync(Bounce, Token);

        var request = ses.Requests.ShouldHaveSingleItem();
        request.Method.ShouldBe("POST");
        request.Path.ShouldBe("/");
        request.Header("Content-Type").ShouldBe("application/x-www-form-urlencoded; charset=utf-8");
        request.Header("Host").ShouldBe(ses.Endpoint.Authority);
    }

    [Fact]
    public async Task SendBounceAsync_Success_SendsEveryFieldDecodable()
    {
        await using var ses = LoopbackSes.Answering(SesAnswer.Xml(200, SuccessBody));

        await Sender(ses.Endpoint).SendBounceAsync(Bounce, Token);

        var request = ses.Requests.ShouldHaveSingleItem();
        request.FormField("Action").ShouldBe("SendBounce");
        request.FormField("Version").ShouldBe("2010-12-01");
        request.FormField("OriginalMessageId").ShouldBe(Bounce.OriginalMessageId);
        request.FormField("BounceSender").ShouldBe("bounces@mail.example.org");
        request.FormField("BouncedRecipientInfoList.member.1.Recipient").ShouldBe("gone+news@example.org");
        request.FormField("BouncedRecipientInfoList.member.1.BounceType").ShouldBe("DoesNotExist");
        request.FormField("BouncedRecipientInfoList.member.2.Recipient").ShouldBe("Ünïcode user@example.org");
        request.FormField("BouncedRecipientInfoList.member.2.BounceType").ShouldBe("DoesNotExist");
        request.FormFields().Count.ShouldBe(8);
        request.BodyText.ShouldContain("gone%2Bnews%40example.org");
    }

    [Fact]
    public async Task SendBounceAsync_Success_AuthorizationHasSesScopeAndSignedHeaders()
    {
        await using var ses = LoopbackSes.Answering(SesAnswer.Xml(200, SuccessBody));

        await Sender(ses.Endpoint).SendBounceAsync(Bounce, Token);

        var request = ses.Requests.ShouldHaveSingleItem();
        var authorization = IndependentSigV4Verifier.Parse(request.Header("Authorization") ?? string.Empty);
        authorization.AccessKey.ShouldBe(SigV4TestSuite.AccessKey);
        authorization.Date.ShouldBe("20250314");
        authorization.Region.ShouldBe("eu-west-1");
        authorization.Service.ShouldBe("ses");
        authorization.SignedHeaders.ShouldBe(["content-type", "host", "x-amz-date"]);
        request.Header("X-Amz-Date").ShouldBe("20250314T092653Z");
        request.Header("X-Amz-Security-Token").ShouldBeNull();
    }

    [Fact]
    public async Task SendBounceAsync_Success_SignatureVerifiesIndependently()
    {
        await using var ses = LoopbackSes.Answering(SesAnswer.Xml(200, SuccessBody));

        await Sender(ses.Endpoint).SendBounceAsync(Bounce, Token);

        var request = ses.Requests.ShouldHaveSingleItem();
        var sent = IndependentSigV4Verifier.Parse(request.Header("Authorization") ?? string.Empty).Signature;
        sent.ShouldBe(IndependentSigV4Verifier.ExpectedSignature(request, SigV4TestSuite.SecretKey));
        sent.ShouldNotBe(IndependentSigV4Verifier.ExpectedSignature(request, "another-secret"));
    }

    [Fact]
    public async Task SendBounceAsync_SessionToken_SendsAndSignsSecurityToken()
    {
        await using var ses = LoopbackSes.Answering(SesAnswer.Xml(200, SuccessBody));
        var credentials = new ImmutableCredentials(SigV4TestSuite.AccessKey, SigV4TestSuite.SecretKey, "session/token+=");

        await Sender(ses.Endpoint, credentials).SendBounceAsync(Bounce, Token);

        var request = ses.Requests.ShouldHaveSingleItem();
        request.Header("X-Amz-Security-Token").ShouldBe("session/token+=");
        IndependentSigV4Verifier.Parse(request.Header("Authorization") ?? string.Empty)
            .SignedHeaders.ShouldContain("x-amz-security-token");
        IndependentSigV4Verifier.Parse(request.Header("Authorization") ?? string.Empty).Signature
            .ShouldBe(IndependentSigV4Verifier.ExpectedSignature(request, SigV4TestSuite.SecretKey));
    }

    [Fact]
    public async Task SendBounceAsync_EndpointWithPath_PostsToThatPath()
    {
        await using var ses = LoopbackSes.Answering(SesAnswer.Xml(200, SuccessBody));
        var url = new Uri(ses.Endpoint, "emulator/ses");

        await Sender(url).SendBounceAsync(Bounce, Token);

        var request = ses.Requests.ShouldHaveSingleItem();
        request.Path.ShouldBe("/emulator/ses");
        IndependentSigV4Verifier.Parse(request.Header("Authorization") ?? string.Empty).Signature
            .ShouldBe(IndependentSigV4Verifier.ExpectedSignature(request, SigV4TestSuite.SecretKey));
    }

    private SesBounceSender Sender(Uri endpoint, ImmutableCredentials? credentials = null) =>
        Sender(endpoint, new FixedCredentialsSource(
            credentials ?? new ImmutableCredentials(SigV4TestSuite.AccessKey, SigV4TestSuite.SecretKey, null)));

    private SesBounceSender Sender(Uri endpoint, TacoMail.Lambda.Ses.Signing.IAwsCredentialsSource credentials)
    {
        var environment = new TestEnvironmentVariables(("AWS_ENDPOINT_URL_SES", endpoint.AbsoluteUri), ("AWS_REGION", "eu-west-1"));
        var client = new SesHttpClient(
            _http, SesEndpoint.FromEnvironment(environment), credentials, _clock, SesHttpClient.DefaultTimeout);
        return new SesBounceSender(client);
    }
}
