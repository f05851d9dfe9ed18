namespace TacoMail.Reconciler.Table.Writing;

/// <summary>
/// The apply's lease on the table lock lapsed or was lost, so the write was not made and nothing
/// more is written; <see cref="ApplyFailedException"/> wraps it with what was done before.
/// </summary>
internal sealed class FenceLapsedException : TacoMailException
{
    public FenceLapsedException()
    {
    }

    public FenceLapsedException(string message)
        : base(message)
    {
    }

    public FenceLapsedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
