using Amazon.Runtime;
using TacoMail.Lambda.Ses.Signing;
using TacoMail.Testing.S3;

namespace TacoMail.Bench.Delivery;

/// <summary>The s3rver key pair for the in-process SES sender, so the benchmark never touches the process environment.</summary>
internal sealed class BenchCredentials : IAwsCredentialsSource
{
    /// <summary>s3rver's fixed key pair (both halves are the same).</summary>
    public const string S3rverKey = S3ServerFixture.AccessKey;

    public Task<ImmutableCredentials> GetCredentialsAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new ImmutableCredentials(S3rverKey, S3rverKey, null));
}
