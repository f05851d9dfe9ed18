namespace TacoMail.Lambda.Runtime;

/// <summary>The Runtime API's header names, shared by the client and the test emulator.</summary>
internal static class RuntimeApiHeaders
{
    public const string RequestId = "Lambda-Runtime-Aws-Request-Id";
    public const string DeadlineMs = "Lambda-Runtime-Deadline-Ms";
    public const string FunctionArn = "Lambda-Runtime-Invoked-Function-Arn";
    public const string TraceId = "Lambda-Runtime-Trace-Id";
    public const string FunctionErrorType = "Lambda-Runtime-Function-Error-Type";

    /// <summary>The content type of the standard error document.</summary>
    public const string ErrorContentType = "application/vnd.aws.lambda.error+json";
}
