using System.Net;
using System.Runtime.CompilerServices;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using TacoMail.MailPath.Storage;
using TacoMail.Reconciler.Queue;

namespace TacoMail.Reconciler.Mailbox;

/// <summary>
/// The mail bucket in S3, for <c>fetch</c> (the mailbox) and <c>queue</c> (the delivery queue). Lists
/// with ListObjectsV2 page by page, streams bodies, and turns SDK failures into messages that say
/// what to check. Uploads are not chunk-encoded, which S3-compatible servers (s3rver) would store verbatim.
/// </summary>
internal sealed class S3MailboxStore(IAmazonS3 client, string bucket, string description, int pageSize = S3MailboxStore.MaxPageSize)
    : IMailboxStore, IQueueStore, IDisposable
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

    public async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            await client.GetObjectMetadataAsync(bucket, key, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (AmazonS3Exception exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
        catch (Exception exception) when (IsStoreFailure(exception, cancellationToken))
        {
            throw Explain($"looking for '{key}'", exception);
        }
    }

    public async Task<byte[]> ReadAllAsync(string key, CancellationToken cancellationToken)
    {
        await using var content = await OpenAsync(key, cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream(content.Length is > 0 and <= int.MaxValue ? (int)content.Length : 0);
        try
        {
            await content.Stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (IsStoreFailure(exception, cancellationToken))
        {
            throw Explain($"reading '{key}'", exception);
        }

        return buffer.ToArray();
    }

    public async Task WriteAsync(string key, byte[] content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var stream = new MemoryStream(content, writable: false);
        var request = new PutObjectRequest { BucketName = bucket, Key = key, InputStream = stream, UseChunkEncoding = false };
        try
        {
            await client.PutObjectAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (IsStoreFailure(exception, cancellationToken))
        {
            throw Explain($"writing '{key}'", exception);
        }
    }

    public async Task<IReadOnlyList<KeyValuePair<string, string>>> ReadTagsAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var response = await client.GetObjectTaggingAsync(new GetObjectTaggingRequest { BucketName = bucket, Key = key }, cancellationToken)
                .ConfigureAwait(false);
            return [.. (response.Tagging ?? []).Select(tag => KeyValuePair.Create(tag.Key, tag.Value ?? string.Empty))];
        }
        catch (Exception exception) when (IsStoreFailure(exception, cancellationToken))
        {
            throw Explain($"reading the tags of '{key}'", exception);
        }
    }

    public async Task WriteTagsAsync(string key, IReadOnlyList<KeyValuePair<string, string>> tags, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var request = new PutObjectTaggingRequest
        {
            BucketName = bucket,
            Key = key,
            Tagging = new Tagging { TagSet = [.. tags.Select(tag => new Tag { Key = tag.Key, Value = tag.Value })] },
        };
        try
        {
            await client.PutObjectTaggingAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (IsStoreFailure(exception, cancellationToken))
        {
            throw Explain($"tagging '{key}'", exception);
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
            $"access denied while {action} ({s3.ErrorCode}): fetching needs s3:ListBucket, s3:GetObject and s3:DeleteObject on bucket '{bucket}' " +
            "(tacomail queue --retry also s3:PutObject, s3:GetObjectTagging and s3:PutObjectTagging)", exception),
        AmazonS3Exception { ErrorCode: "NoSuchKey" } => new(
            $"{action}: the object is gone (is another fetch running?)", exception),
        AmazonServiceException service => new($"{action} failed ({service.ErrorCode}): {service.Message}", exception),
        HttpRequestException or AmazonClientException { InnerException: HttpRequestException } => new(
            $"cannot reach S3 ({Description}) while {action}: {exception.Message}; check --endpoint-s3 or AWS_ENDPOINT_URL_S3", exception),
        OperationCanceledException => new($"{action} timed out ({Description})", exception),
        _ => new($"{action} failed: {exception.Message}", exception),
    };
}
