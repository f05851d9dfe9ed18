using Amazon.Runtime;
using TacoMail.Lambda.Ses.Signing;

namespace TacoMail.Lambda.Tests.Ses;

/// <summary>A credential chain that finds nothing, as the SDK reports it.</summary>
internal sealed class FailingCredentialsSource : IAwsCredentialsSource
{
    public Task<ImmutableCredentials> GetCredentialsAsync(CancellationToken cancellationToken) =>
        Task.FromException<ImmutableCredentials>(new AmazonClientException("Failed to resolve AWS credentials."));
}
