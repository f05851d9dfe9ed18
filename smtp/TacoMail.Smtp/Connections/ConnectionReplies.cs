using SmtpServer.Protocol;
using TacoMail.Smtp.Hosting;

namespace TacoMail.Smtp.Connections;

/// <summary>
/// The replies that end a connection before or outside a command, in Postfix's words. Both are
/// 421, a deferral: the client keeps its mail and comes back later; nothing is refused.
/// </summary>
internal static class ConnectionReplies
{
    public static SmtpResponse TooManyConnections { get; } =
        new((SmtpReplyCode)421, $"4.7.0 {SmtpFrontOptions.ServerName} Error: too many connections from your address, try again later");

    public static SmtpResponse Timeout { get; } =
        new((SmtpReplyCode)421, $"4.4.2 {SmtpFrontOptions.ServerName} Error: timeout exceeded");
}
