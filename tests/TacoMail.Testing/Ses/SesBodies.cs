namespace TacoMail.Testing.Ses;

/// <summary>What <see cref="LoopbackSes"/> keeps of each request body.</summary>
public enum SesBodies
{
    /// <summary>The bytes, in memory: for small requests (bounces, signing checks).</summary>
    InMemory,

    /// <summary>Streamed to a file, read when a test asks: a forward can be 50 MB of JSON.</summary>
    File,

    /// <summary>Read to the end and counted, nothing kept: for benchmarks.</summary>
    Discard,
}
