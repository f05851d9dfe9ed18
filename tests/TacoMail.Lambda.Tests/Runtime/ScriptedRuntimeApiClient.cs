using TacoMail.Lambda.Runtime;

namespace TacoMail.Lambda.Tests.Runtime;

/// <summary>An in-memory Runtime API: hands out scripted invocations and records the answers.</summary>
internal sealed class ScriptedRuntimeApiClient(params Invocation[] invocations) : IRuntimeApiClient
{
    private readonly Queue<Invocation> _invocations = new(invocations);

    public List<(string RequestId, byte[] Body)> Responses { get; } = [];

    public List<(string RequestId, RuntimeError Error)> Errors { get; } = [];

    public List<RuntimeError> InitErrors { get; } = [];

    public Task<Invocation> GetNextInvocationAsync(CancellationToken cancellationToken) =>
        _invocations.TryDequeue(out var next)
            ? Task.FromResult(next)
            : Task.FromException<Invocation>(new InvalidOperationException("No more scripted invocations."));

    public async Task SendResponseAsync(string requestId, Stream response, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await response.CopyToAsync(buffer, cancellationToken);
        Responses.Add((requestId, buffer.ToArray()));
    }

    public Task ReportInvocationErrorAsync(string requestId, RuntimeError error, CancellationToken cancellationToken)
    {
        Errors.Add((requestId, error));
        return Task.CompletedTask;
    }

    public Task ReportInitErrorAsync(RuntimeError error, CancellationToken cancellationToken)
    {
        InitErrors.Add(error);
        return Task.CompletedTask;
    }

    public static Invocation Invocation(string requestId, string body, DateTimeOffset deadline, string? traceId = null) =>
        new(new InvocationContext(requestId, deadline, FunctionArn: null), traceId, new MemoryStream(System.Text.Encoding.UTF8.GetBytes(body)));
}
