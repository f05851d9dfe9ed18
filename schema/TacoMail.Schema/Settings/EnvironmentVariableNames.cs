namespace TacoMail.Schema.Settings;

/// <summary>
/// The environment variables the Lambda and the CLI both read, spelled once so that a deployment's
/// variables mean the same to <c>tacomail fetch</c> as to the function that files the mail
/// (docs/architecture.md section 5). Where things are lives here; how mail is routed does not.
/// </summary>
public static class EnvironmentVariableNames
{
    /// <summary>The alias table.</summary>
    public const string Table = "TACOMAIL_TABLE";

    /// <summary>The bucket SES's S3 action stores mail in and the delivery files it in.</summary>
    public const string MailBucket = "TACOMAIL_MAIL_BUCKET";

    /// <summary>Where the S3 action stores incoming mail in the bucket (default <c>incoming/</c>).</summary>
    public const string IncomingPrefix = "TACOMAIL_INCOMING_PREFIX";

    /// <summary>Where the delivery files mail in the bucket (default <c>mailbox/</c>).</summary>
    public const string MailboxPrefix = "TACOMAIL_MAILBOX_PREFIX";

    /// <summary>The SDK's region; Lambda always sets it.</summary>
    public const string Region = "AWS_REGION";

    /// <summary>The region read when <see cref="Region"/> is not set.</summary>
    public const string DefaultRegion = "AWS_DEFAULT_REGION";

    /// <summary>The SDK's endpoint override for every service, used when no service-specific one is set.</summary>
    public const string GlobalEndpoint = "AWS_ENDPOINT_URL";

    /// <summary>The SDK's DynamoDB endpoint override (DynamoDB Local).</summary>
    public const string DynamoDbEndpoint = "AWS_ENDPOINT_URL_DYNAMODB";

    /// <summary>The SDK's S3 endpoint override (an S3-compatible server).</summary>
    public const string S3Endpoint = "AWS_ENDPOINT_URL_S3";

    /// <summary>The SDK-style SES endpoint override (a loopback SES in tests).</summary>
    public const string SesEndpoint = "AWS_ENDPOINT_URL_SES";
}
