namespace TacoMail.Lambda.Configuration;

/// <summary>The environment variables the function reads (docs/architecture.md section 5), spelled once.</summary>
internal static class EnvironmentVariableNames
{
    public const string Table = "TACOMAIL_TABLE";
    public const string MailBucket = "TACOMAIL_MAIL_BUCKET";
    public const string IncomingPrefix = "TACOMAIL_INCOMING_PREFIX";
    public const string MailboxPrefix = "TACOMAIL_MAILBOX_PREFIX";
    public const string Region = "AWS_REGION";

    /// <summary>The SDK's service-specific endpoint override.</summary>
    public const string DynamoDbEndpoint = "AWS_ENDPOINT_URL_DYNAMODB";

    /// <summary>The SDK's endpoint override for every service, used when no service-specific one is set.</summary>
    public const string GlobalEndpoint = "AWS_ENDPOINT_URL";
}
