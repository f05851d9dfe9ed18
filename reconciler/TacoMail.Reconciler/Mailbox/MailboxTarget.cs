using TacoMail.Reconciler.Hosting;
using TacoMail.Schema.Addresses;
using TacoMail.Schema.Mailbox;
using TacoMail.Schema.Queue;
using TacoMail.Schema.Settings;

namespace TacoMail.Reconciler.Mailbox;

/// <summary>
/// Which objects a fetch reads: the bucket, the mailbox prefix the delivery Lambda writes under,
/// and optionally one alias. Options win over the environment variables the Lambda itself uses.
/// </summary>
internal sealed record MailboxTarget(string Bucket, string MailboxPrefix, AliasAddress? Alias)
{
    public const string DefaultPrefix = MailBucketLayout.MailboxPrefix;

    /// <summary>The prefix to list: the whole mailbox, or one alias's <c>new/</c> folder.</summary>
    public string ListPrefix => Alias is null
        ? MailboxPrefix
        : MailboxKey.FolderOf(MailboxPrefix, Alias.Domain.Value, Alias.LocalPart.Value);

    /// <exception cref="TacoMailException">No bucket is given, or the alias is not an address.</exception>
    public static MailboxTarget Resolve(string? bucket, string? prefix, string? alias, IProcessEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        bucket = FirstNonBlank(bucket, environment.GetVariable(EnvironmentVariableNames.MailBucket))
            ?? throw new TacoMailException($"no mail bucket: pass --bucket NAME or set {EnvironmentVariableNames.MailBucket} (the bucket the delivery Lambda files mail in)");
        var mailboxPrefix = NormalizePrefix(prefix ?? FirstNonBlank(environment.GetVariable(EnvironmentVariableNames.MailboxPrefix)) ?? DefaultPrefix);
        return new MailboxTarget(bucket, mailboxPrefix, alias is null ? null : ParseAlias(alias));
    }

    /// <summary>Parses <c>--alias</c>; case does not matter, as for the Lambda's lookups.</summary>
    /// <exception cref="TacoMailException"><paramref name="text"/> is not an alias address.</exception>
    public static AliasAddress ParseAlias(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return AliasAddress.TryParse(text.Trim().ToLowerInvariant(), out var address, out var error)
            ? address
            : throw new TacoMailException($"--alias: {error.Message}");
    }

    private static string NormalizePrefix(string prefix)
    {
        prefix = prefix.Trim().TrimStart('/');
        return prefix.Length == 0 || prefix.EndsWith('/') ? prefix : prefix + "/";
    }

    private static string? FirstNonBlank(params string?[] values) =>
        values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
}
