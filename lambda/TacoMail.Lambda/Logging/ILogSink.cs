namespace TacoMail.Lambda.Logging;

/// <summary>Where finished log lines go (stdout in Lambda, which CloudWatch collects); a seam so tests read them.</summary>
internal interface ILogSink
{
    /// <summary>Writes one complete line (no trailing newline in <paramref name="line"/>).</summary>
    void Write(string line);
}
