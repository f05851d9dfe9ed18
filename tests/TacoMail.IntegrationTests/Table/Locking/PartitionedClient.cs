using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using TacoMail.Testing;

namespace TacoMail.IntegrationTests.Table.Locking;

/// <summary>
/// A client of DynamoDB Local for a lease whose renewals (UpdateItem) can be cut off, as by a
/// network partition; everything else goes through.
/// </summary>
internal sealed class PartitionedClient(Uri endpoint) : AmazonDynamoDBClient(
    new BasicAWSCredentials("test", "test"),
    new AmazonDynamoDBConfig { ServiceURL = endpoint.AbsoluteUri, AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 })
{
    public bool Partitioned { get; set; }

    /// <summary>The renewals cut off so far, counted before the failure reaches the lease.</summary>
    public AwaitableCount FailedUpdates { get; } = new();

    public override Task<UpdateItemResponse> UpdateItemAsync(UpdateItemRequest request, CancellationToken cancellationToken = default)
    {
        if (Partitioned)
        {
            FailedUpdates.Increment();
            throw new AmazonClientException("The network is partitioned (test).");
        }

        return base.UpdateItemAsync(request, cancellationToken);
    }
}
