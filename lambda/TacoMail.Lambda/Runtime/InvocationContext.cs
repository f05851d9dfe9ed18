namespace TacoMail.Lambda.Runtime;

/// <summary>
/// What the Runtime API says about one invocation (the <c>Lambda-Runtime-*</c> headers), handed
/// to the handler so it can log the request id and stop before the deadline.
/// </summary>
/// <param name="RequestId">The <c>Lambda-Runtime-Aws-Request-Id</c>.</param>
/// <param name="Deadline">When Lambda kills the invocation (<c>Lambda-Runtime-Deadline-Ms</c>).</param>
/// <param name="FunctionArn">The <c>Lambda-Runtime-Invoked-Function-Arn</c>, when known.</param>
internal sealed record InvocationContext(string RequestId, DateTimeOffset Deadline, string? FunctionArn);
