using System.Net;
using System.Runtime.CompilerServices;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace TacoMail.Reconciler.Mailbox;

/// <summary>
/// The mailbox in an S3 bucket. Lists with ListObjectsV2 page by page, streams bodies, and turns
/// SDK failures into messages that say what to check.
/// </summary>
internal sealed class S3MailboxStore(IAmazonS3 client, string bucket, string description, int pageSize = S3MailboxStore.MaxPageSize)
    : IMailboxStore, IDisposable
{
    /// <summary>The most keys S3 returns per ListObjectsV2 page.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>Where the mailbox is, for people: <c>s3://bucket at endpoint</c>.</summary>
    public string Description { get; } = description;

    public IAmazonS3 Client => client;

    public async IAsyncEnumerable<StoredObject> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? continuation = null;
        do
        {
            var page = await ListPageAsync(prefix, continuation, cancellationToken).ConfigureAwait(false);
            foreach (var stored in page.S3Objects ?? [])
            {
                yield return new StoredObject(stored.Key, stored.Size ?? 0);
            }

            continuation = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (continuation is not null);
    }

    public async Task<StoredContent> OpenAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var response = await client.GetObjectAsync(bucket, key, cancellationToken).ConfigureAwait(false);
            return new StoredContent(response.ResponseStream, response.ContentLength, response);
        }
        catch (Exception exception) when (IsStoreFailure(exception, cancellationToken))
        {
            throw Explain($"reading '{key}'", exception);
        }
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            await client.DeleteObjectAsync(bucket, key, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (IsStoreFailure(exception, cancellationToken))
        {
            throw Explain($"deleting '{key}'", exception);
        }
    }

    public void Dispose() => client.Dispose();

    private async Task<ListObjectsV2Response> ListPageAsync(string prefix, string? continuation, CancellationToken cancellationToken)
    {
        var request = new ListObjectsV2Request
        {
            BucketName = bucket,
            Prefix = prefix,
            MaxKeys = pageSize,
            ContinuationToken = continuation,
        };
        try
        {
            return await client.ListObjectsV2Async(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (IsStoreFailure(exception, cancellationToken))
        {
            throw Explain($"listing '{prefix}'", exception);
        }
    }

    private static bool IsStoreFailure(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        AmazonServiceException or AmazonClientException or HttpRequestException or IOException => true,
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };

    private MailboxStoreException Explain(string action, Exception exception) => exception switch
    {
        AmazonS3Exception { ErrorCode: "NoSuchBucket" } => new(
            $"bucket '{bucket}' does not exist ({Description}): check --bucket or TACOMAIL_MAIL_BUCKET, and --region", exception),
        AmazonS3Exception { ErrorCode: "InvalidAccessKeyId" or "SignatureDoesNotMatch" or "ExpiredToken" or "InvalidToken" or "TokenRefreshRequired" } s3 => new(
            $"S3 rejected the credentials ({s3.ErrorCode}) while {action}: check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE", exception),
        AmazonS3Exception { StatusCode: HttpStatusCode.Forbidden } s3 => new(
            $"access denied while {action} ({s3.ErrorCode}): fetching needs s3:ListBucket, s3:GetObject and s3:DeleteObject on bucket '{bucket}'", exception),
        AmazonS3Exception { ErrorCode: "NoSuchKey" } => new(
            $"{action}: the object is gone (is another fetch running?)", exception),
        AmazonServiceException service => new($"{action} failed ({service.ErrorCode}): {service.Message}", exception),
        HttpRequestException or AmazonClientException { InnerException: HttpRequestException } => new(
            $"cannot reach S3 ({Description}) while {action}: {exception.Message}; check --endpoint-s3 or AWS_ENDPOINT_URL_S3", exception),
        OperationCanceledException => new($"{action} timed out ({Description})", exception),
        _ => new($"{action} failed: {exception.Message}", exception),
    };
}
