namespace TacoMail.Schema.Table;

/// <summary>
/// The names of the DynamoDB table layout (docs/architecture.md section 3). This layout is a contract with
/// existing tables, frontends and Lambdas, so every name lives here once and is never spelled
/// elsewhere.
/// </summary>
public static class TableContract
{
    /// <summary>Partition key: domain or subdomain, ASCII/punycode, lower case.</summary>
    public const string SubDomain = "sub_domain";

    /// <summary>Sort key: local part, lower case.</summary>
    public const string AliasAddress = "alias_address";

    public const string Application = "application";
    public const string ActiveAlias = "active_alias";
    public const string IgnoreAlias = "ignore_alias";
    public const string Destination = "destination";
    public const string FullAddress = "full_address";
    public const string Identifier = "identifier";
    public const string CreatedDatetime = "created_datetime";
    public const string ModifiedDatetime = "modified_datetime";

    /// <summary>Owned by the Lambda; the reconciler writes 0 on create and carries it over on rename.</summary>
    public const string UseCount = "use_count";

    /// <summary>The literal value of <see cref="Application"/> on every alias item.</summary>
    public const string ApplicationName = "tacomail";

    /// <summary>The destination literal meaning "keep the mail in the mailbox bucket".</summary>
    public const string S3Destination = "S3";

    public const string IdentifierIndex = "identifier-index";
    public const string ApplicationIdentifierIndex = "application-identifier-index";

    /// <summary>The reserved partition holding configuration items and the reconciler's lock.</summary>
    public const string ConfigPartition = "tacomail-config";

    public const string ConfigSubDomainsKey = "sub_domains";
    public const string ConfigDestinationsKey = "destinations";
    public const string ConfigLockKey = "lock";

    /// <summary>The settings item: what tacomail.yaml declares for the mail path and the plan safety checks.</summary>
    public const string ConfigSettingsKey = "settings";

    /// <summary>Settings item attributes (S): the From of bounces, and where SES sends feedback on forwards.</summary>
    public const string BounceSender = "bounce_sender";
    public const string FeedbackAddress = "feedback_address";

    /// <summary>Settings item attribute (L of S, in order).</summary>
    public const string SubAddressSeparators = "subaddress_separators";

    /// <summary>Settings item attributes (S): the policy words of <c>MessagePolicyNames</c>.</summary>
    public const string BouncePolicy = "bounce_policy";
    public const string SpamPolicy = "spam_policy";

    /// <summary>Settings item attribute (N): the queue lifetime in seconds.</summary>
    public const string QueueLifetimeSeconds = "queue_lifetime_seconds";

    /// <summary>Settings item attributes (N): the plan safety thresholds.</summary>
    public const string SafetyMinAliases = "safety_min_aliases";
    public const string SafetyMaxDeletePercent = "safety_max_delete_percent";
    public const string SafetyMaxDisablePercent = "safety_max_disable_percent";

    /// <summary>
    /// The reserved partition of the delivery's per-recipient claims (sort key
    /// <c>&lt;message id&gt;#&lt;recipient mark&gt;</c>): written only by the delivery function, never
    /// planned, changed or deleted by the reconciler; each item expires by TTL.
    /// </summary>
    public const string DeliveryPartition = "tacomail-delivery";

    /// <summary>
    /// The reserved partition of reverse aliases (replies from an alias): a token item
    /// <c>r#&lt;token&gt;</c> per reverse address, and a pair item <c>p#&lt;alias&gt;#&lt;sender hash&gt;</c>
    /// that finds it again for the same alias and sender. Written by the delivery function and
    /// <c>tacomail contact</c>; never planned, changed, deleted or exported by the reconciler.
    /// </summary>
    public const string ReversePartition = "tacomail-reverse";

    /// <summary>Reverse token item attribute (S): the alias the reverse address replies from.</summary>
    public const string ReplyAlias = "reply_alias";

    /// <summary>Reverse token item attribute (S): the correspondent replies go to.</summary>
    public const string ReplyCorrespondent = "reply_correspondent";

    /// <summary>Reverse pair item attribute (S): the token of the pair's reverse address.</summary>
    public const string ReplyToken = "reply_token";

    /// <summary>Attribute (N, Unix seconds): when an address was last used.</summary>
    public const string LastUsedDatetime = "last_used_datetime";

    /// <summary>Whether <paramref name="partition"/> is one of TacoMail's own partitions, never an alias domain.</summary>
    public static bool IsReservedPartition(string partition) =>
        partition is ConfigPartition or DeliveryPartition or ReversePartition;

    /// <summary>The table's TTL attribute (N, Unix seconds); only reserved items carry it.</summary>
    public const string ExpiresAt = "expires_at";

    /// <summary>String Set attribute of the configuration items.</summary>
    public const string ConfigValue = "configValue";

    /// <summary>The attribute name the earlier API version wrote; read, never written.</summary>
    public const string LegacyConfigValues = "configValues";
}
