namespace TacoMail.Reconciler.Table;

/// <summary>Where the table lives, as the user asked for it on the command line.</summary>
/// <param name="Endpoint"><c>local</c> (the managed DynamoDB Local), an http(s) URL, or null (environment, then AWS).</param>
/// <param name="Region">An explicit AWS region; wins over the environment.</param>
/// <param name="StateDirectory">Where <c>local</c> keeps its data and instance record (normally <c>.tacomail</c>); relative to the working directory.</param>
internal sealed record ConnectionOptions(string? Endpoint, string? Region, string StateDirectory)
{
    public const string LocalEndpoint = "local";
    public const string DefaultStateDirectory = ".tacomail";
}
