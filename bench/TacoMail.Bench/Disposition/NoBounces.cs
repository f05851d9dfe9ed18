using TacoMail.Lambda.Ses;

namespace TacoMail.Bench.Disposition;

/// <summary>The benchmark event bounces nobody; a call here means the fixture is wrong.</summary>
internal sealed class NoBounces : ISesBounceSender
{
    public Task<string> SendBounceAsync(BounceRequest request, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("The benchmark event should not bounce.");
}
