using System.Buffers;
using System.Globalization;
using System.Net;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using TacoMail.MailPath.Recipients;
using TacoMail.Schema.Addresses;
using TacoMail.Smtp.Logging;
using TacoMail.Smtp.Recipients;

namespace TacoMail.Smtp.Spool;

/// <summary>
/// The end of <c>DATA</c>: the message and the RCPT-time decisions go into the <see cref="DiskSpool"/>,
/// and 250 is answered only once they are durable; any failure answers 451 4.3.0, so the client
/// keeps the message and retries. A message whose every accepted recipient drops it (all paused)
/// is accepted too, but only its envelope is recorded, under <c>dropped/</c>; nothing is queued.
/// <c>use_count</c> goes up for the accepted aliases once the message is accepted, never before.
/// <paramref name="queued"/> then tells the delivery that there is work.
/// </summary>
internal sealed class SpoolStore(DiskSpool spool, UseCountIncrementer incrementer, DecisionLog log, TimeProvider time, Action queued) : IMessageStore
{
    public async Task<SmtpResponse> SaveAsync(
        ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(transaction);
        var session = SessionRecipients.Of(context);
        var verdicts = transaction.To.Select(m => session.Find(m.AsAddress())).OfType<RcptVerdict>().ToList();
        var id = spool.NewId();
        var client = ClientOf(context);
        var envelope = new SpoolEnvelope(
            SpoolEnvelope.CurrentFormat,
            id,
            SenderOf(transaction.From),
            time.GetUtcNow(),
            [.. verdicts.Select(v => new SpoolRecipient(
                v.Recipient, v.Key?.FullAddress, v.Status.ToString().ToLowerInvariant(), v.Outcome.ToString().ToLowerInvariant()))])
        {
            Client = client?.ToString(),
        };
        var delivers = verdicts.Any(v => v.Outcome == RcptOutcome.Deliver);
        var sessionId = context.SessionId.ToString("N");
        try
        {
            if (delivers)
            {
                var trace = TraceFields.For(envelope.Sender, client, context.Pipe?.IsSecure == true, id, envelope.ReceivedAt);
                await spool.QueueAsync(envelope, Traced(trace, buffer), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await spool.RecordDroppedAsync(envelope, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            log.Write("data", ("session", sessionId), ("decision", "deferred"), ("reason", "not-queued"), ("error", ex.GetType().Name));
            return SmtpReplies.NotQueued;
        }

        log.Write(
            "data",
            ("session", sessionId),
            ("id", id),
            ("from", DecisionLog.Masked(envelope.Sender)),
            ("recipients", verdicts.Count.ToString(CultureInfo.InvariantCulture)),
            ("size", buffer.Length.ToString(CultureInfo.InvariantCulture)),
            ("decision", delivers ? "queued" : "dropped"));

        var used = verdicts.Where(v => v.CountsAsUse && v.Key is not null).Select(v => v.Key!.Value).Distinct().ToList();
        if (used.Count > 0)
        {
            // The message is safe whatever happens here: counting is best-effort, as in the Lambda.
            foreach (var error in await incrementer.IncrementAsync(used, CancellationToken.None).ConfigureAwait(false))
            {
                log.Write("use-count-failed", ("session", sessionId), ("id", id), ("error", AddressMask.InText(error)));
            }
        }

        if (delivers)
        {
            queued();
        }

        return SmtpReplies.Queued(id);
    }

    /// <summary>
    /// The trace, then the message as the client sent it with the CRLF that ends its last line
    /// (see <see cref="WithFinalLineEnd"/>), in one copy.
    /// </summary>
    private static ReadOnlySequence<byte> Traced(byte[] trace, ReadOnlySequence<byte> buffer)
    {
        var lineEnd = buffer.IsEmpty ? 0 : 2;
        var bytes = new byte[trace.Length + buffer.Length + lineEnd];
        trace.CopyTo(bytes, 0);
        buffer.CopyTo(bytes.AsSpan(trace.Length));
        if (lineEnd > 0)
        {
            bytes[^2] = (byte)'\r';
            bytes[^1] = (byte)'\n';
        }

        return new ReadOnlySequence<byte>(bytes);
    }

    /// <summary>The client's address; an IPv4 client of a dual-stack socket as plain IPv4, as SPF's <c>ip4:</c> mechanisms name it.</summary>
    private static IPAddress? ClientOf(ISessionContext context) =>
        context.Properties.TryGetValue(EndpointListener.RemoteEndPointKey, out var remote) && remote is IPEndPoint endpoint
            ? endpoint.Address.IsIPv4MappedToIPv6 ? endpoint.Address.MapToIPv4() : endpoint.Address
            : null;

    /// <summary>
    /// The message as the client sent it: SmtpServer hands over the data without the CRLF that
    /// precedes the terminating dot, but that CRLF ends the message's last line (RFC 5321 4.1.1.4).
    /// </summary>
    internal static ReadOnlySequence<byte> WithFinalLineEnd(ReadOnlySequence<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return buffer;
        }

        var bytes = new byte[buffer.Length + 2];
        buffer.CopyTo(bytes);
        bytes[^2] = (byte)'\r';
        bytes[^1] = (byte)'\n';
        return new ReadOnlySequence<byte>(bytes);
    }

    private static string SenderOf(IMailbox? from) =>
        from is null || string.IsNullOrEmpty(from.User) ? string.Empty : from.AsAddress();
}
