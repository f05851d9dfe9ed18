using SmtpServer;
using SmtpServer.Authentication;

namespace TacoMail.Smtp.Hosting;

/// <summary>
/// Refuses every AUTH a client sends unasked (EHLO never offers it): SmtpServer's default
/// authenticator would accept any user and password.
/// </summary>
internal sealed class NoLogins : IUserAuthenticator
{
    public Task<bool> AuthenticateAsync(ISessionContext context, string user, string password, CancellationToken cancellationToken) =>
        Task.FromResult(false);
}
