namespace TacoMail.Lambda.Logging;

/// <summary>SES's verdicts as it wrote them, so a dropped or unbounced message can be explained from the log.</summary>
internal sealed record VerdictsLogEntry(string Spam, string Virus, string Spf, string Dkim, string Dmarc);
