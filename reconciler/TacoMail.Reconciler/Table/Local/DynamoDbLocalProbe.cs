using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using TacoMail.Schema.Table;

namespace TacoMail.Reconciler.Table.Local;

/// <summary>
/// Asks an emulator whether it answers requests. A listening socket is not enough: the JVM opens
/// the port before DynamoDB Local can serve, so readiness means a real <c>ListTables</c> answer.
/// It fails fast: one try, two seconds.
/// </summary>
internal sealed class DynamoDbLocalProbe : IDisposable
{
    private readonly AmazonDynamoDBClient _client;

    public DynamoDbLocalProbe(Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        _client = TableClientFactory.ForEmulator(endpoint, config =>
        {
            config.MaxErrorRetry = 0;
            config.Timeout = TimeSpan.FromSeconds(2);
        });
    }

    public static async Task<bool> IsAnsweringAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        using var probe = new DynamoDbLocalProbe(endpoint);
        return await probe.IsAnsweringAsync(cancellationToken);
    }

    public async Task<bool> IsAnsweringAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _client.ListTablesAsync(new ListTablesRequest { Limit = 1 }, cancellationToken);
            return true;
        }
        catch (AmazonClientException)
        {
            return false;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
        catch (TimeoutException)
        {
            // The SDK's request timeout (a JVM still starting on a busy machine): not answering yet.
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The client's own request timeout.
            return false;
        }
    }

    public void Dispose() => _client.Dispose();
}
