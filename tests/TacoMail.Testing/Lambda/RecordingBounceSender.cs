using TacoMail.Lambda.Ses;

namespace TacoMail.Testing.Lambda;

/// <summary>An <see cref="ISesBounceSender"/> that records requests, or fails with <see cref="Failure"/>.</summary>
internal sealed class RecordingBounceSender : ISesBounceSender
{
    private readonly List<BounceRequest> _requests = [];

    public Exception? Failure { get; set; }

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

        return Failure is { } failure ? Task.FromException<string>(failure) : Task.FromResult("bounce-message-id");
    }
}
