using SmtpServer;
using SmtpServer.Protocol;

namespace TacoMail.Smtp.Hosting;

/// <summary>
/// SmtpServer's commands, except that EHLO never offers AUTH. SmtpServer registers an authenticator
/// of its own (one that accepts any password) and advertises AUTH PLAIN LOGIN for it once STARTTLS
/// has run; this server only receives mail for its aliases, so there is nothing to log in to.
/// </summary>
internal sealed class ReceiveOnlyCommandFactory : SmtpCommandFactory
{
    public override SmtpCommand CreateEhlo(string domainOrAddress) => new ReceiveOnlyEhlo(domainOrAddress);

    private sealed class ReceiveOnlyEhlo(string domainOrAddress) : EhloCommand(domainOrAddress)
    {
        protected override IEnumerable<string> GetExtensions(ISessionContext context) =>
            base.GetExtensions(context).Where(extension => !extension.StartsWith("AUTH", StringComparison.OrdinalIgnoreCase));
    }
}
