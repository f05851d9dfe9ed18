using TacoMail.Lambda.Delivery.Sending;

namespace TacoMail.Lambda.Tests.Delivery;

/// <summary>An <see cref="IRawEmailSender"/> that records every forward and answers as scripted (default: sent).</summary>
internal sealed class RecordingRawEmailSender : IRawEmailSender
{
    private readonly List<RecordedEmail> _sent = [];

    /// <summary>Answers by destination; an exception in the map is thrown (once, then removed).</summary>
    public Dictionary<string, object> Script { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<RecordedEmail> Sent
    {
        get
        {
            lock (_sent)
            {
                return [.. _sent];
            }
        }
    }

    public async Task<SendResult> SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await email.Message.WriteToAsync(buffer, cancellationToken);
        lock (_sent)
        {
            _sent.Add(new RecordedEmail(email.From, email.To, buffer.ToArray(), email.FeedbackAddress));
            switch (Script.GetValueOrDefault(email.To))
            {
                case Exception exception:
                    Script.Remove(email.To);
                    throw exception;
                case SendResult result:
                    return result;
                default:
                    return SendResult.Sent($"ses-{_sent.Count}");
            }
        }
    }
}
