using System.ComponentModel;
using Spectre.Console.Cli;

namespace TacoMail.Reconciler.Cli;

/// <summary>The options of the commands that read the mail bucket (<c>fetch</c>, <c>queue</c>), with the Lambda's environment defaults.</summary>
internal class MailBucketSettings : CommandSettings
{
    [CommandOption("--bucket <NAME>")]
    [Description("The mail bucket. Default: TACOMAIL_MAIL_BUCKET.")]
    public string? Bucket { get; init; }

    [CommandOption("--region <REGION>")]
    [Description("AWS region of the bucket. Default: AWS_REGION, else the SDK's default.")]
    public string? Region { get; init; }

    [CommandOption("--endpoint-s3 <URL>")]
    [Description("An S3-compatible endpoint (path-style requests). Default: AWS_ENDPOINT_URL_S3, else AWS.")]
    public string? EndpointS3 { get; init; }
}
