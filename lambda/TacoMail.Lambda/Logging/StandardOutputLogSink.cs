namespace TacoMail.Lambda.Logging;

/// <summary>Writes log lines to stdout, which Lambda forwards to CloudWatch Logs line by line.</summary>
internal sealed class StandardOutputLogSink : ILogSink
{
    public void Write(string line) => Console.Out.WriteLine(line);
}
