using System.Globalization;
using System.Net;
using System.Text;

namespace TacoMail.Smtp.Spool;

/// <summary>
/// The trace a receiving SMTP server must put at the top of every message it accepts (RFC 5321
/// 4.4), as SES does for the Lambda: <c>Return-Path</c> with the envelope sender, and one
/// <c>Received</c> naming the client's address, this server, the protocol (ESMTPS over TLS) and the
/// queue id. It names no recipient: a message to several aliases must not show each the others.
/// </summary>
internal static class TraceFields
{
    public static byte[] For(string sender, IPAddress? client, bool secure, string queueId, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(sender);
        var from = client is null ? "unknown" : $"[{(client.IsIPv4MappedToIPv6 ? client.MapToIPv4() : client)}]";
        var text = string.Create(CultureInfo.InvariantCulture,
            $"Return-Path: <{sender}>\r\nReceived: from {from}\r\n\tby tacomail with {(secure ? "ESMTPS" : "ESMTP")} id {queueId};\r\n\t{MimeKit.Utils.DateUtils.FormatDate(receivedAt)}\r\n");
        return Encoding.UTF8.GetBytes(text);
    }
}
