using System.Globalization;
using System.Net;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using TacoMail.MailPath.Messages;
using TacoMail.Schema.Addresses;

namespace TacoMail.Smtp.Delivery;

/// <summary>
/// Hands a message to the smarthost (<c>--relay host:port</c>) over SMTP, STARTTLS when it offers
/// it, one connection per message: the server's only way out, for forwards and for the notices
/// that tell a sender their message was given up. Every failure is classified, never thrown: a 5xx
/// is final, anything else (4xx, refused connection, timeout, TLS failure) is tried again later.
/// </summary>
internal sealed class SmtpRelay(DnsEndPoint endpoint, TimeSpan timeout)
{
    public DnsEndPoint Endpoint { get; } = endpoint;

    /// <param name="message">The message as sent, head and body (streamed from its file).</param>
    /// <param name="mailFrom">The envelope sender; empty for the null sender <c>&lt;&gt;</c> of a notice.</param>
    /// <param name="rcptTo">The one envelope recipient.</param>
    /// <param name="temporaryPath">Where the message is assembled for sending; deleted afterwards.</param>
    /// <param name="cancellationToken">Cancels the hand-over; reported as deferred.</param>
    public async Task<RelayResult> SendAsync(
        ForwardedMessage message, string mailFrom, string rcptTo, string temporaryPath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(mailFrom);
        ArgumentException.ThrowIfNullOrEmpty(rcptTo);
        try
        {
            var file = new FileStream(temporaryPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81_920, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
            await using (file.ConfigureAwait(false))
            {
                await message.WriteToAsync(file, cancellationToken).ConfigureAwait(false);
                file.Position = 0;
                // persistent: the body stays in the file and is copied as received, never re-encoded in memory.
                using var mime = await MimeMessage.LoadAsync(file, persistent: true, cancellationToken).ConfigureAwait(false);
                using var client = new SmtpClient { Timeout = (int)timeout.TotalMilliseconds, LocalDomain = "tacomail" };
                await client.ConnectAsync(Endpoint.Host, Endpoint.Port, SecureSocketOptions.StartTlsWhenAvailable, cancellationToken).ConfigureAwait(false);
                await client.SendAsync(mime, new MailboxAddress(string.Empty, mailFrom), [new MailboxAddress(string.Empty, rcptTo)], cancellationToken)
                    .ConfigureAwait(false);
                await client.DisconnectAsync(quit: true, cancellationToken).ConfigureAwait(false);
            }

            return RelayResult.Sent;
        }
        catch (SmtpCommandException ex)
        {
            var code = (int)ex.StatusCode;
            var detail = string.Create(CultureInfo.InvariantCulture, $"smarthost answered {code}: {AddressMask.InText(ex.Message)}");
            return new RelayResult(code >= 500 ? RelayOutcome.Rejected : RelayOutcome.Deferred, detail);
        }
        catch (Exception ex) when (ex is SmtpProtocolException or IOException or SocketException or TimeoutException
            or SslHandshakeException or ServiceNotConnectedException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new RelayResult(RelayOutcome.Deferred, $"smarthost {Endpoint.Host}:{Endpoint.Port} not reached: {ex.GetType().Name}: {AddressMask.InText(ex.Message)}");
        }
    }
}
