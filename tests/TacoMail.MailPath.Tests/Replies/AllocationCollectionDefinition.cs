namespace TacoMail.MailPath.Tests.Replies;

/// <summary>
/// Tests that count the bytes the whole process allocates (<see cref="GC.GetTotalAllocatedBytes(bool)"/>):
/// an await may resume on any thread, so a per-thread count misses work, and nothing else may run
/// meanwhile.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AllocationCollectionDefinition
{
    public const string Name = "Allocation";
}
