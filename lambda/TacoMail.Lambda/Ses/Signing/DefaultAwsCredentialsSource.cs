using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace TacoMail.Lambda.Ses.Signing;

/// <summary>
/// The AWS SDK's default credential chain (environment, web identity, profile, container or
/// instance metadata), shared with the SDK's own clients so it is resolved and refreshed once.
/// In Lambda this is the function role's session from the environment.
/// </summary>
internal sealed class DefaultAwsCredentialsSource : IAwsCredentialsSource
{
    public async Task<ImmutableCredentials> GetCredentialsAsync(CancellationToken cancellationToken)
    {
        var credentials = await DefaultAWSCredentialsIdentityResolver.GetCredentialsAsync()
            .WaitAsync(cancellationToken).ConfigureAwait(false);
        return await credentials.GetCredentialsAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
    }
}
