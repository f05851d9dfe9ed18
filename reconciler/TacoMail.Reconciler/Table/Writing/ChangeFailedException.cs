namespace TacoMail.Reconciler.Table.Writing;

/// <summary>
/// One change could not be made: retries ran out, the item was changed or removed by someone else
/// in a way the applier must not paper over, or DynamoDB refused the write. The message names the
/// address and what to do; <see cref="ApplyFailedException"/> wraps it with what was done.
/// </summary>
internal sealed class ChangeFailedException : TacoMailException
{
    public ChangeFailedException()
    {
    }

    public ChangeFailedException(string message)
        : base(message)
    {
    }

    public ChangeFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
