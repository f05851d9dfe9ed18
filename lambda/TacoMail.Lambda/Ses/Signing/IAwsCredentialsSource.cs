using Amazon.Runtime;

namespace TacoMail.Lambda.Ses.Signing;

/// <summary>
/// Where signing credentials come from: the SDK's default chain in AWS, fixed keys in tests.
/// Asked on every request, because Lambda's and containers' credentials expire and rotate.
/// </summary>
internal interface IAwsCredentialsSource
{
    /// <exception cref="AmazonClientException">No credentials could be resolved.</exception>
    Task<ImmutableCredentials> GetCredentialsAsync(CancellationToken cancellationToken);
}
