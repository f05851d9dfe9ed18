namespace TacoMail.Lambda.Delivery;

/// <summary>
/// Thrown by the handler after a transient failure (SES throttled or failed, S3 or DynamoDB
/// unavailable) so the invocation fails and Lambda retries the asynchronous event.
/// </summary>
public sealed class DeliveryFailedException : Exception
{
    public DeliveryFailedException()
    {
    }

    public DeliveryFailedException(string message)
        : base(message)
    {
    }

    public DeliveryFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
