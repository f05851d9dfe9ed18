using Amazon.Runtime;
using TacoMail.Lambda.Ses.Signing;

namespace TacoMail.IntegrationTests.Delivery;

/// <summary>The s3rver key pair for every signed call, instead of the SDK's default chain.</summary>
internal sealed class FixedCredentials : IAwsCredentialsSource
{
    public Task<ImmutableCredentials> GetCredentialsAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new ImmutableCredentials(TacoMail.Testing.S3.S3ServerFixture.AccessKey, TacoMail.Testing.S3.S3ServerFixture.SecretKey, null));
}
