namespace TacoMail.Lambda.Events;

/// <summary>
/// The action that invoked the function. A union of every action type's fields (Lambda: function
/// ARN and invocation type; S3: bucket and key; Bounce: reply code and sender; SNS: topic).
/// </summary>
internal sealed record SesAction
{
    /// <summary><c>Lambda</c>, <c>S3</c>, <c>SNS</c>, <c>Bounce</c>, <c>WorkMail</c>, …</summary>
    public string? Type { get; init; }

    public string? InvocationType { get; init; }

    public string? FunctionArn { get; init; }

    public string? TopicArn { get; init; }

    public string? BucketName { get; init; }

    public string? ObjectKeyPrefix { get; init; }

    public string? ObjectKey { get; init; }

    public string? SmtpReplyCode { get; init; }

    public string? StatusCode { get; init; }

    public string? Message { get; init; }

    public string? Sender { get; init; }

    public string? Encoding { get; init; }

    public string? OrganizationArn { get; init; }
}
