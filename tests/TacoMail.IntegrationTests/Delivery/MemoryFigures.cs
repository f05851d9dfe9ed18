namespace TacoMail.IntegrationTests.Delivery;

/// <summary>What <see cref="MemoryProbe"/> saw during one operation, in bytes above the level before it.</summary>
/// <param name="PeakManagedHeap">The highest managed heap size sampled, above the heap after a full collection before.</param>
/// <param name="PeakResidentSet">The process's peak RSS above its RSS before; null where Linux's reset of the peak is unavailable.</param>
/// <param name="Allocated">Everything allocated on the managed heap meanwhile (collected or not).</param>
internal sealed record MemoryFigures(long PeakManagedHeap, long? PeakResidentSet, long Allocated);
