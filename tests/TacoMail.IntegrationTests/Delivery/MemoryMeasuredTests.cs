namespace TacoMail.IntegrationTests.Delivery;

/// <summary>Tests that measure the process's memory: run alone, after the parallel ones.</summary>
[CollectionDefinition(nameof(MemoryMeasuredTests), DisableParallelization = true)]
public sealed class MemoryMeasuredTests;
