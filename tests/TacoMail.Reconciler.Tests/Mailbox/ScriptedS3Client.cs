using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace TacoMail.Reconciler.Tests.Mailbox;

/// <summary>
/// An S3 client whose ListObjectsV2 answers from a script of pages (or throws), recording each
/// request; nothing goes over the network.
/// </summary>
internal sealed class ScriptedS3Client(params Func<ListObjectsV2Request, ListObjectsV2Response>[] pages)
    : AmazonS3Client(new BasicAWSCredentials("AKIDEXAMPLE", "secret"), new AmazonS3Config { ServiceURL = "http://127.0.0.1:9", ForcePathStyle = true })
{
    private int _next;

    public List<ListObjectsV2Request> Requests { get; } = [];

    public static ListObjectsV2Response Page(string? nextToken, params string[] keys) => new()
    {
        S3Objects = [.. keys.Select(k => new S3Object { Key = k, Size = k.Length })],
        IsTruncated = nextToken is not null,
        NextContinuationToken = nextToken,
    };

    public static AmazonS3Exception Error(string code, System.Net.HttpStatusCode status) =>
        new($"simulated {code}") { ErrorCode = code, StatusCode = status };

    public override Task<ListObjectsV2Response> ListObjectsV2Async(ListObjectsV2Request request, CancellationToken cancellationToken = default)
    {
        Requests.Add(request);
        return Task.FromResult(pages[_next++](request));
    }
}
