using System.Net;
using Amazon.S3;
using Amazon.S3.Model;

namespace TacoMail.Lambda.Delivery.Storage;

/// <summary>
/// <see cref="IMailStore"/> on one S3 bucket. Uses only what the delivery role is granted:
/// GetObject, GetObjectTagging, PutObjectTagging and DeleteObject under the incoming prefix,
/// PutObject under the mailbox prefix, and reads, writes, deletes and lists under the queue and
/// failed prefixes. Mailbox copies are uploaded from the spooled file rather
/// than copied server-side: the SDK's percent-encoded <c>x-amz-copy-source</c> is not understood
/// by every S3-API server (s3rver reads it as a bucket name), and the file is on disk anyway; for
/// the same reason uploads are not aws-chunked.
/// </summary>
internal sealed class S3MailStore : IMailStore
{
    private const string NoSuchKey = "NoSuchKey";
    private const string MessageContentType = "message/rfc822";
    private const string EntryContentType = "application/json";
    private const int CopyBufferSize = 81_920;

    private readonly IAmazonS3 _s3;
    private readonly string _bucket;

    public S3MailStore(IAmazonS3 s3, string bucket)
    {
        ArgumentNullException.ThrowIfNull(s3);
        ArgumentException.ThrowIfNullOrEmpty(bucket);
        _s3 = s3;
        _bucket = bucket;
    }

    public async Task<IReadOnlyList<MailObjectTag>?> GetTagsAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _s3.GetObjectTaggingAsync(
                new GetObjectTaggingRequest { BucketName = _bucket, Key = key }, cancellationToken).ConfigureAwait(false);
            return [.. (response.Tagging ?? []).Select(tag => new MailObjectTag(tag.Key, tag.Value ?? string.Empty))];
        }
        catch (AmazonS3Exception exception) when (IsMissingKey(exception))
        {
            return null;
        }
    }

    public async Task PutTagsAsync(string key, IReadOnlyList<MailObjectTag> tags, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var request = new PutObjectTaggingRequest
        {
            BucketName = _bucket,
            Key = key,
            Tagging = new Tagging { TagSet = [.. tags.Select(tag => new Tag { Key = tag.Key, Value = tag.Value })] },
        };
        await _s3.PutObjectTaggingAsync(request, cancellationToken).ConfigureAwait(false);
    }

    public async Task<long> DownloadAsync(string key, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        try
        {
            using var response = await _s3.GetObjectAsync(
                new GetObjectRequest { BucketName = _bucket, Key = key }, cancellationToken).ConfigureAwait(false);
            var start = destination.Position;
            await response.ResponseStream.CopyToAsync(destination, CopyBufferSize, cancellationToken).ConfigureAwait(false);
            return destination.Position - start;
        }
        catch (AmazonS3Exception exception) when (IsMissingKey(exception))
        {
            throw new MailObjectMissingException($"s3://{_bucket}/{key} no longer exists.", exception);
        }
    }

    public async Task UploadAsync(string key, string path, CancellationToken cancellationToken)
    {
        var request = new PutObjectRequest
        {
            BucketName = _bucket,
            Key = key,
            FilePath = path,
            ContentType = MessageContentType,

            // A signed payload rather than aws-chunked, which some S3-API servers store verbatim.
            UseChunkEncoding = false,
        };
        await _s3.PutObjectAsync(request, cancellationToken).ConfigureAwait(false);
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken) =>
        await _s3.DeleteObjectAsync(new DeleteObjectRequest { BucketName = _bucket, Key = key }, cancellationToken).ConfigureAwait(false);

    public async Task<byte[]?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _s3.GetObjectAsync(new GetObjectRequest { BucketName = _bucket, Key = key }, cancellationToken).ConfigureAwait(false);
            using var buffer = new MemoryStream();
            await response.ResponseStream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            return buffer.ToArray();
        }
        catch (AmazonS3Exception exception) when (IsMissingKey(exception))
        {
            return null;
        }
    }

    public async Task WriteAsync(string key, byte[] content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var stream = new MemoryStream(content, writable: false);
        var request = new PutObjectRequest
        {
            BucketName = _bucket,
            Key = key,
            InputStream = stream,
            ContentType = EntryContentType,
            UseChunkEncoding = false,
        };
        await _s3.PutObjectAsync(request, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        var request = new ListObjectsV2Request { BucketName = _bucket, Prefix = prefix };
        do
        {
            var response = await _s3.ListObjectsV2Async(request, cancellationToken).ConfigureAwait(false);
            keys.AddRange((response.S3Objects ?? []).Select(o => o.Key));
            request.ContinuationToken = response.IsTruncated == true ? response.NextContinuationToken : null;
        }
        while (request.ContinuationToken is not null);

        return keys;
    }

    private static bool IsMissingKey(AmazonS3Exception exception) =>
        exception.ErrorCode == NoSuchKey
        || (exception.StatusCode == HttpStatusCode.NotFound && string.IsNullOrEmpty(exception.ErrorCode));
}
