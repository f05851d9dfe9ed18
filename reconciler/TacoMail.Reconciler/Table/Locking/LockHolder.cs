namespace TacoMail.Reconciler.Table.Locking;

/// <summary>Who asks for the lock, as shown to whoever finds it held.</summary>
/// <param name="Owner">A person or CI run, e.g. <c>alice@laptop</c> or <c>octocat (GitHub Actions run 42)</c>; see <see cref="LockOwnerName"/>.</param>
/// <param name="Host">The machine.</param>
/// <param name="ProcessId">The process on that machine.</param>
internal sealed record LockHolder(string Owner, string Host, int ProcessId)
{
    /// <summary>This process on this machine, on behalf of <paramref name="owner"/>.</summary>
    public static LockHolder ForThisProcess(string owner)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        return new LockHolder(owner, Environment.MachineName, Environment.ProcessId);
    }
}
