namespace TacoMail.Reconciler.Table.Local;

/// <summary>How to start DynamoDB Local.</summary>
/// <param name="DataDirectory">Where the data is kept between runs; null keeps it in memory.</param>
/// <param name="Port">A fixed port; null picks a free loopback port (and retries on a bind race).</param>
internal sealed record DynamoDbLocalStartOptions(string? DataDirectory = null, int? Port = null)
{
    /// <summary>
    /// One database for every client (<c>-sharedDb</c>, the default here). Without it, DynamoDB
    /// Local keeps a database per access key and region, as most people start it; tests use that
    /// to show that the CLI and the Lambda sign alike.
    /// </summary>
    public bool SharedDatabase { get; init; } = true;

    public static readonly TimeSpan DefaultReadyTimeout = TimeSpan.FromSeconds(60);

    public TimeSpan ReadyTimeout { get; init; } = DefaultReadyTimeout;
}
