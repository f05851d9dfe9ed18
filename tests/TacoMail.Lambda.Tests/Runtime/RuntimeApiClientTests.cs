using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using TacoMail.Lambda.Runtime;

namespace TacoMail.Lambda.Tests.Runtime;

public sealed class RuntimeApiClientTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly RuntimeApiEmulator _emulator = RuntimeApiEmulator.Start(new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero)));
    private RuntimeApiClient _client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _client = new RuntimeApiClient(_emulator.Address);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task GetNextInvocation_EventQueued_ReadsHeadersAndBody()
    {
        var deadline = DateTimeOffset.FromUnixTimeMilliseconds(1_900_000_000_123);
        _emulator.Enqueue(new EmulatedEvent(
            "8476a536-e9f4-11e8-9739-2dfe598c3fcd",
            """{"Records":[]}"""u8.ToArray(),
            deadline,
            "arn:aws:lambda:eu-west-1:123456789012:function:tacomail",
            "Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1"));

        var invocation = await _client.GetNextInvocationAsync(Ct);

        invocation.Context.ShouldBe(new InvocationContext(
            "8476a536-e9f4-11e8-9739-2dfe598c3fcd", deadline, "arn:aws:lambda:eu-west-1:123456789012:function:tacomail"));
        invocation.TraceId.ShouldBe("Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1");
        using var reader = new StreamReader(invocation.Body);
        (await reader.ReadToEndAsync(Ct)).ShouldBe("""{"Records":[]}""");
    }

    [Fact]
    public async Task GetNextInvocation_NoDeadlineHeader_DeadlineIsUnknown()
    {
        _emulator.Enqueue(new EmulatedEvent("r1", [], Deadline: null));

        var invocation = await _client.GetNextInvocationAsync(Ct);

        invocation.Context.Deadline.ShouldBe(DateTimeOffset.MaxValue);
        invocation.Context.FunctionArn.ShouldBeNull();
        invocation.TraceId.ShouldBeNull();
    }

    [Fact]
    public async Task GetNextInvocation_NothingQueued_WaitsForAnEvent()
    {
        var next = _client.GetNextInvocationAsync(Ct);
        await _emulator.WaitForPollsAsync(1, Ct);
        next.IsCompleted.ShouldBeFalse();

        _emulator.Enqueue(EmulatedEvent.Text("late", "{}"));

        (await next.WaitAsync(Timeout, Ct)).Context.RequestId.ShouldBe("late");
    }

    [Fact]
    public async Task SendResponse_AfterNext_PostsTheBytesForTheRequestId()
    {
        _emulator.Enqueue(EmulatedEvent.Text("r1", "{}"));
        await _client.GetNextInvocationAsync(Ct);

        await _client.SendResponseAsync("r1", new MemoryStream("""{"disposition":"CONTINUE"}"""u8.ToArray()), Ct);

        var outcome = await _emulator.WaitForOutcomeAsync("r1", Timeout);
        outcome.Kind.ShouldBe(EmulatorRecord.Response);
        outcome.BodyText.ShouldBe("""{"disposition":"CONTINUE"}""");
    }

    [Fact]
    public async Task SendResponse_UnknownRequestId_ThrowsWithTheStatus()
    {
        var exception = await Should.ThrowAsync<RuntimeApiException>(
            () => _client.SendResponseAsync("never-handed-out", new MemoryStream(), Ct));

        exception.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ReportInvocationError_AfterNext_PostsTheErrorDocumentAndTypeHeader()
    {
        _emulator.Enqueue(EmulatedEvent.Text("r2", "{}"));
        await _client.GetNextInvocationAsync(Ct);

        await _client.ReportInvocationErrorAsync(
            "r2", new RuntimeError("InvalidOperationException", "boom \"quoted\"", ["at A.B()", "at C.D()"]), Ct);

        var outcome = await _emulator.WaitForOutcomeAsync("r2", Timeout);
        outcome.Kind.ShouldBe(EmulatorRecord.Error);
        outcome.ErrorType.ShouldBe("InvalidOperationException");
        outcome.ContentType.ShouldBe("application/vnd.aws.lambda.error+json");
        using var document = JsonDocument.Parse(outcome.Body);
        document.RootElement.GetProperty("errorMessage").GetString().ShouldBe("boom \"quoted\"");
        document.RootElement.GetProperty("errorType").GetString().ShouldBe("InvalidOperationException");
        document.RootElement.GetProperty("stackTrace").EnumerateArray().Select(frame => frame.GetString())
            .ShouldBe(["at A.B()", "at C.D()"]);
    }

    [Fact]
    public async Task ReportInitError_PostsTheErrorDocumentAndTypeHeader()
    {
        await _client.ReportInitErrorAsync(new RuntimeError(RuntimeErrorTypes.NoSuchHandler, "Unknown handler 'x'."), Ct);

        var initError = await _emulator.WaitForInitErrorAsync(Timeout);
        initError.ErrorType.ShouldBe("Runtime.NoSuchHandler");
        initError.BodyText.ShouldBe("""{"errorMessage":"Unknown handler \u0027x\u0027.","errorType":"Runtime.NoSuchHandler","stackTrace":[]}""");
    }

    [Theory]
    [InlineData("")]
    [InlineData("http://127.0.0.1:9001")]
    [InlineData("127.0.0.1:9001/path")]
    [InlineData("127.0.0.1:9001?q")]
    public void Constructor_NotAHostAndPort_Throws(string runtimeApi) =>
        Should.Throw<ArgumentException>(() => new RuntimeApiClient(runtimeApi));

    [Fact]
    public void RuntimeApiAddress_HostAndPort_IsTheVersionedBase() =>
        RuntimeApiAddress.Parse("127.0.0.1:9001").ShouldBe(new Uri("http://127.0.0.1:9001/2018-06-01/"));
}
