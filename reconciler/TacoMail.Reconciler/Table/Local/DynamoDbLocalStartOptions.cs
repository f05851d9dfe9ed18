namespace TacoMail.Reconciler.Table.Local;

/// <summary>How to start DynamoDB Local.</summary>
/// <param name="DataDirectory">Where the data is kept between runs; null keeps it in memory.</param>
/// <param name="Port">A fixed port; null picks a free loopback port (and retries on a bind race).</param>
internal sealed record DynamoDbLocalStartOptions(string? DataDirectory = null, int? Port = null)
{
    public static readonly TimeSpan DefaultReadyTimeout = TimeSpan.FromSeconds(60);

    public TimeSpan ReadyTimeout { get; init; } = DefaultReadyTimeout;
}
