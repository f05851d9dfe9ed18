using TacoMail.Lambda.Ses;

namespace TacoMail.IntegrationTests.Lambda;

/// <summary>Records bounce requests instead of calling SES.</summary>
internal sealed class RecordingBounceSender : ISesBounceSender
{
    private readonly List<BounceRequest> _requests = [];

    public IReadOnlyList<BounceRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public Task<string> SendBounceAsync(BounceRequest request, CancellationToken cancellationToken)
    {
        lock (_requests)
        {
            _requests.Add(request);
        }

        return Task.FromResult("bounce-1");
    }
}
