namespace TacoMail.Schema.Queue;

/// <summary>
/// Where things live in the mail bucket: the contract between SES's S3 action, the delivery
/// function, the lifecycle rule and <c>tacomail queue</c> / <c>tacomail fetch</c>.
/// </summary>
/// <remarks>
/// <c>incoming/&lt;id&gt;</c> is the raw message as SES stored it; <c>queue/&lt;id&gt;.json</c> its
/// <see cref="QueueEntry"/> while it waits; <c>failed/&lt;id&gt;</c> and <c>failed/&lt;id&gt;.json</c>
/// a message given up on, after the sender was told; <c>mailbox/&lt;domain&gt;/&lt;local&gt;/new/…</c>
/// filed mail. Only an incoming object tagged <see cref="StateTag"/>=<see cref="FinishedState"/>
/// may expire: nothing is deleted because of its age alone.
/// </remarks>
public static class MailBucketLayout
{
    public const string IncomingPrefix = "incoming/";
    public const string QueuePrefix = "queue/";
    public const string FailedPrefix = "failed/";
    public const string MailboxPrefix = "mailbox/";

    /// <summary>The suffix of queue entries (under <see cref="QueuePrefix"/> and <see cref="FailedPrefix"/>).</summary>
    public const string EntrySuffix = ".json";

    /// <summary>The tag that says TacoMail is finished with an incoming object (the lifecycle rule's filter).</summary>
    public const string StateTag = "tacomail-state";

    public const string FinishedState = "finished";

    /// <summary>The raw message as SES stored it, for <paramref name="incomingPrefix"/> (default <see cref="IncomingPrefix"/>).</summary>
    public static string IncomingKey(string messageId, string incomingPrefix = IncomingPrefix) => incomingPrefix + Id(messageId);

    public static string QueueEntryKey(string messageId) => QueuePrefix + Id(messageId) + EntrySuffix;

    public static string FailedKey(string messageId) => FailedPrefix + Id(messageId);

    public static string FailedEntryKey(string messageId) => FailedPrefix + Id(messageId) + EntrySuffix;

    /// <summary>The message id of a queue or failed entry key; null for any other key.</summary>
    public static string? MessageIdOfEntry(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        foreach (var prefix in new[] { QueuePrefix, FailedPrefix })
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal) && key.EndsWith(EntrySuffix, StringComparison.Ordinal)
                && key.Length > prefix.Length + EntrySuffix.Length)
            {
                var id = key[prefix.Length..^EntrySuffix.Length];
                return IsMessageId(id) ? id : null;
            }
        }

        return null;
    }

    /// <summary>SES message ids are lower-case letters and digits; anything else never names an object.</summary>
    public static bool IsMessageId(string? text) =>
        !string.IsNullOrEmpty(text) && text.Length <= 200 && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string Id(string messageId) =>
        IsMessageId(messageId) ? messageId : throw new ArgumentException($"'{messageId}' is not a message id.", nameof(messageId));
}
