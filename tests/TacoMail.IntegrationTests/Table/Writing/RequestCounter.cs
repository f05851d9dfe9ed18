using System.Collections.Concurrent;
using Amazon.DynamoDBv2;
using Amazon.Runtime;

namespace TacoMail.IntegrationTests.Table.Writing;

/// <summary>Counts the requests a client sends, by operation (e.g. <c>BatchWriteItem</c>), through the SDK's request event.</summary>
internal sealed class RequestCounter
{
    private static readonly string[] WriteOperations = ["PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem", "TransactWriteItems"];

    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    public RequestCounter(AmazonDynamoDBClient client)
    {
        client.BeforeRequestEvent += (_, e) =>
        {
            if (e is WebServiceRequestEventArgs { Request: { } request })
            {
                var operation = request.GetType().Name.Replace("Request", string.Empty, StringComparison.Ordinal);
                _counts.AddOrUpdate(operation, 1, (_, count) => count + 1);
            }
        };
    }

    public int this[string operation] => _counts.GetValueOrDefault(operation);

    public int Total => _counts.Values.Sum();

    public int Writes => WriteOperations.Sum(operation => this[operation]);

    public void Reset() => _counts.Clear();
}
