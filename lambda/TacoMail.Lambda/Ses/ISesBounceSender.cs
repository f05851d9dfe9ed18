namespace TacoMail.Lambda.Ses;

/// <summary>Sends SES bounces; behind an interface so the disposition logic is tested without HTTP.</summary>
internal interface ISesBounceSender
{
    /// <returns>The bounce's message id as SES reports it.</returns>
    /// <exception cref="SesException">SES answered with an error or could not be reached.</exception>
    Task<string> SendBounceAsync(BounceRequest request, CancellationToken cancellationToken);
}
