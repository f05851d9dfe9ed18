using Amazon.Runtime;
using TacoMail.Lambda.Ses.Signing;

namespace TacoMail.Bench.Delivery;

/// <summary>The s3rver key pair for the in-process SES sender, so the benchmark never touches the process environment.</summary>
internal sealed class BenchCredentials : IAwsCredentialsSource
{
    /// <summary>s3rver's fixed key pair (both halves are the same).</summary>
    public const string S3rverKey = "S3RVER";

    public Task<ImmutableCredentials> GetCredentialsAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new ImmutableCredentials(S3rverKey, S3rverKey, null));
}
