using Amazon.Runtime;
using TacoMail.Lambda.Ses.Signing;

namespace TacoMail.Lambda.Tests.Ses;

/// <summary>Fixed keys instead of the SDK's default chain.</summary>
internal sealed class FixedCredentialsSource(ImmutableCredentials credentials) : IAwsCredentialsSource
{
    public Task<ImmutableCredentials> GetCredentialsAsync(CancellationToken cancellationToken) =>
        Task.FromResult(credentials);
}
