namespace TacoMail.Lambda.Logging;

/// <summary>
/// Writes log lines to standard error. Lambda sends both streams to CloudWatch Logs; using stderr
/// keeps standard output for the response when the handler runs through <c>invoke</c>.
/// </summary>
internal sealed class StandardErrorLogSink : ILogSink
{
    public void Write(string line) => Console.Error.WriteLine(line);
}
