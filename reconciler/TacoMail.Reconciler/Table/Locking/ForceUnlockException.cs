namespace TacoMail.Reconciler.Table.Locking;

/// <summary><c>force-unlock</c> refused: the table is not locked, or by another lock id than the one given.</summary>
internal sealed class ForceUnlockException : TacoMailException
{
    public ForceUnlockException()
    {
    }

    public ForceUnlockException(string message)
        : base(message)
    {
    }

    public ForceUnlockException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
