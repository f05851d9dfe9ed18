namespace TacoMail.MailPath.Messages;

/// <summary>
/// Which received header fields a forward drops or keeps once. SES refuses a raw message with a
/// repeated field ("Duplicate header 'Message-ID'", 'DKIM-Signature', 'Delivered-To',
/// 'List-Unsubscribe', 'Content-Type', … all seen in the wild), so every field except the trace
/// fields <c>Received</c> and <c>X-TacoMail-Alias</c> is kept once, its first occurrence.
/// </summary>
public static class HeaderRules
{
    public const string From = "From";
    public const string ReplyTo = "Reply-To";
    public const string AliasHeader = "X-TacoMail-Alias";

    /// <summary>
    /// Signatures the rewrite breaks (DKIM, DomainKeys, ARC), the envelope's <c>Return-Path</c>
    /// (SES sets its own), <c>Sender</c> (it would name someone other than the alias as the
    /// sender). <c>X-TacoMail-Alias</c> is kept: it is the loop trace (<see cref="LoopRule"/>).
    /// </summary>
    private static readonly string[] DroppedNames = ["DKIM-Signature", "DomainKey-Signature", "Return-Path", "Sender"];

    /// <summary><c>ARC-*</c> (signatures over the original From) and <c>X-SES-*</c> (SES reads them when sending: configuration set, tags, source ARNs).</summary>
    private static readonly string[] DroppedPrefixes = ["ARC-", "X-SES-"];

    private static readonly string[] RepeatableNames = ["Received", AliasHeader];

    public static bool IsDropped(HeaderField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return DroppedNames.Any(field.Is)
            || DroppedPrefixes.Any(prefix => field.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
    }

    public static bool IsRepeatable(HeaderField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return RepeatableNames.Any(field.Is);
    }
}
