using TacoMail.Schema.Queue;

namespace TacoMail.Lambda.Configuration;

/// <summary>
/// The function's configuration, read once from the environment (docs/architecture.md section 5) and
/// validated as a whole, so that a misconfigured function fails at start with one clear error
/// instead of mis-routing mail later. Only where things are lives here (table, bucket, prefixes,
/// endpoints); how mail is routed (bounce sender, feedback address, separators, policies) is
/// declared in tacomail.yaml and read from the table's settings item with every message.
/// </summary>
internal sealed record LambdaSettings
{
    public const string DefaultIncomingPrefix = MailBucketLayout.IncomingPrefix;
    public const string DefaultMailboxPrefix = MailBucketLayout.MailboxPrefix;

    /// <summary>The alias table (<c>TACOMAIL_TABLE</c>).</summary>
    public required string TableName { get; init; }

    /// <summary>Where the rule's S3 action stores mail (<c>TACOMAIL_MAIL_BUCKET</c>); used by the delivery handler.</summary>
    public string? MailBucket { get; init; }

    public string IncomingPrefix { get; init; } = DefaultIncomingPrefix;

    public string MailboxPrefix { get; init; } = DefaultMailboxPrefix;

    /// <summary><c>AWS_REGION</c>; Lambda always sets it.</summary>
    public string? Region { get; init; }

    /// <summary><c>AWS_ENDPOINT_URL_DYNAMODB</c> (or <c>AWS_ENDPOINT_URL</c>), for DynamoDB Local.</summary>
    public Uri? DynamoDbEndpoint { get; init; }
}
