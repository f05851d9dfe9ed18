using TacoMail.Lambda.Ses;
using TacoMail.Lambda.Tests.Hosting;

namespace TacoMail.Lambda.Tests.Ses;

/// <summary>SES errors, an unreachable or silent SES, and missing credentials.</summary>
public sealed partial class SesBounceSenderTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task SendBounceAsync_ServerError500_ThrowsWithCodeAndStatus()
    {
        await using var ses = LoopbackSes.Answering(SesAnswer.Xml(500, ErrorBody("Receiver", "InternalFailure", "Internal error.")));

        var ex = await Should.ThrowAsync<SesException>(() => Sender(ses.Endpoint).SendBounceAsync(Bounce, Token));

        ex.Code.ShouldBe("InternalFailure");
        ex.StatusCode.ShouldBe(500);
    }

    [Fact]
    public async Task SendBounceAsync_MessageRejected400_ThrowsWithCodeAndMessage()
    {
        await using var ses = LoopbackSes.Answering(SesAnswer.Xml(
            400, ErrorBody("Sender", "MessageRejected", "Email address is not verified.")));

        var ex = await Should.ThrowAsync<SesException>(() => Sender(ses.Endpoint).SendBounceAsync(Bounce, Token));

        ex.Code.ShouldBe("MessageRejected");
        ex.StatusCode.ShouldBe(400);
        ex.Message.ShouldContain("Email address is not verified.");
    }

    [Fact]
    public async Task SendBounceAsync_ListenerHangs_ThrowsTimeoutAfterDeadline()
    {
        await using var ses = LoopbackSes.Answering(SesAnswer.Hang);

        var send = Sender(ses.Endpoint).SendBounceAsync(Bounce, Token);
        await ses.FirstRequest.WaitAsync(Patience, Token);
        send.IsCompleted.ShouldBeFalse();
        _clock.Advance(SesHttpClient.DefaultTimeout);

        var ex = await Should.ThrowAsync<SesException>(() => send.WaitAsync(Patience, Token));
        ex.InnerException.ShouldBeOfType<TimeoutException>();
        ex.StatusCode.ShouldBeNull();
    }

    [Fact]
    public async Task SendBounceAsync_CallerCancels_ThrowsOperationCanceled()
    {
        await using var ses = LoopbackSes.Answering(SesAnswer.Hang);
        using var caller = CancellationTokenSource.CreateLinkedTokenSource(Token);

        var send = Sender(ses.Endpoint).SendBounceAsync(Bounce, caller.Token);
        await ses.FirstRequest.WaitAsync(Patience, Token);
        await caller.CancelAsync();

        var ex = await Should.ThrowAsync<Exception>(() => send.WaitAsync(Patience, Token));
        ex.ShouldBeAssignableTo<OperationCanceledException>();
    }

    [Fact]
    public async Task SendBounceAsync_NothingListening_ThrowsUnreachable()
    {
        var closed = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}/");

        var ex = await Should.ThrowAsync<SesException>(() => Sender(closed).SendBounceAsync(Bounce, Token));

        ex.InnerException.ShouldBeOfType<HttpRequestException>();
        ex.Code.ShouldBeNull();
    }

    [Fact]
    public async Task SendBounceAsync_NoCredentials_ThrowsWithoutCallingSes()
    {
        await using var ses = LoopbackSes.Answering(SesAnswer.Xml(200, SuccessBody));

        var ex = await Should.ThrowAsync<SesException>(() =>
            Sender(ses.Endpoint, new FailingCredentialsSource()).SendBounceAsync(Bounce, Token));

        ex.Message.ShouldContain("credentials");
        ses.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task SendBounceAsync_SuccessWithoutMessageId_Throws()
    {
        await using var ses = LoopbackSes.Answering(SesAnswer.Xml(200, "<SendBounceResponse><SendBounceResult/></SendBounceResponse>"));

        var ex = await Should.ThrowAsync<SesException>(() => Sender(ses.Endpoint).SendBounceAsync(Bounce, Token));

        ex.StatusCode.ShouldBe(200);
    }

    [Fact]
    public async Task SendBounceAsync_NoRecipients_ThrowsBeforeSending()
    {
        await using var ses = LoopbackSes.Answering(SesAnswer.Xml(200, SuccessBody));

        await Should.ThrowAsync<ArgumentException>(() =>
            Sender(ses.Endpoint).SendBounceAsync(Bounce with { Recipients = [] }, Token));

        ses.Requests.ShouldBeEmpty();
    }

    [Fact]
    public void Create_NoRegionOrEndpoint_ThrowsClearError()
    {
        var empty = new TestEnvironmentVariables();

        Should.Throw<InvalidOperationException>(() => SesBounceSender.Create(empty, _http, _clock))
            .Message.ShouldContain("AWS_REGION");
    }

    private static string ErrorBody(string type, string code, string message) => $"""
        <ErrorResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/">
          <Error><Type>{type}</Type><Code>{code}</Code><Message>{message}</Message></Error>
          <RequestId>5f0e1b9a-request</RequestId>
        </ErrorResponse>
        """;
}
