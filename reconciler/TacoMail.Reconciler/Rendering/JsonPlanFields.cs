namespace TacoMail.Reconciler.Rendering;

/// <summary>
/// The member names of the JSON plan (the README's CLI section), spelled once. Changing a name or a
/// meaning requires a new <see cref="FormatVersion"/>.
/// </summary>
internal static class JsonPlanFields
{
    /// <summary>The version this tacomail writes.</summary>
    public const string FormatVersion = "1";

    public const string Version = "format_version";
    public const string Summary = "summary";
    public const string Create = "create";
    public const string Update = "update";
    public const string Delete = "delete";
    public const string Rename = "rename";
    public const string Changes = "changes";
    public const string Action = "action";
    public const string Address = "address";
    public const string From = "from";
    public const string Before = "before";
    public const string After = "after";
    public const string Attributes = "attributes";
    public const string Name = "name";
    public const string Destination = "destination";
    public const string State = "state";
    public const string Identifier = "identifier";
    public const string CreatedDatetime = "created_datetime";
    public const string ModifiedDatetime = "modified_datetime";
    public const string UseCount = "use_count";
    public const string Usage = "usage";
    public const string LastUsed = "last_used";
    public const string RecentlyUsed = "recently_used";
    public const string Expired = "expired";
    public const string Scope = "scope";
    public const string Expiring = "expiring";
    public const string At = "at";
    public const string Then = "then";
    public const string ConfigChanges = "config_changes";
    public const string Item = "item";
    public const string Added = "added";
    public const string Removed = "removed";
    public const string Safety = "safety";
    public const string Safe = "safe";
    public const string Violations = "violations";
    public const string Check = "check";
    public const string Count = "count";
    public const string Existing = "existing";
    public const string Percent = "percent";
    public const string ThresholdPercent = "threshold_percent";
    public const string Skipped = "skipped";
    public const string Key = "key";
    public const string Reason = "reason";
    public const string ExistingAliases = "existing_aliases";
    public const string Basis = "basis";
    public const string Table = "table";
    public const string Desired = "desired";
    public const string ChangesDigest = "changes_digest";
    public const string SettingsChange = "settings_change";
    public const string Unreadable = "unreadable";
    public const string BounceSender = "bounce_sender";
    public const string FeedbackAddress = "feedback_address";
    public const string SubaddressSeparators = "subaddress_separators";
    public const string BouncePolicy = "bounce_policy";
    public const string SpamPolicy = "spam_policy";
    public const string QueueLifetime = "queue_lifetime";
    public const string MinAliases = "min_aliases";
    public const string MaxDeletePercent = "max_delete_percent";
    public const string MaxDisablePercent = "max_disable_percent";
}
