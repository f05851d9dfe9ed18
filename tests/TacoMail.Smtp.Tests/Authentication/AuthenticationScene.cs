using System.Net;
using MimeKit;
using TacoMail.Schema.Routing;
using TacoMail.Smtp.Authentication;
using TacoMail.Testing;

namespace TacoMail.Smtp.Tests.Authentication;

/// <summary>
/// One test's world: a real DNS server on loopback, a spool folder, and the authenticator asking
/// that server, as <c>tacomail-smtp</c> would ask the machine's resolver.
/// </summary>
internal sealed class AuthenticationScene : IAsyncDisposable
{
    /// <summary>The sending server's address (TEST-NET-1).</summary>
    public static readonly IPAddress Client = IPAddress.Parse("192.0.2.10");

    private readonly TemporaryDirectory _work = new();
    private int _messages;

    public LoopbackDns Dns { get; } = LoopbackDns.Start();

    public async Task<MessageVerdicts> CheckAsync(MimeMessage message, string? envelopeSender, string trace = "", IPAddress? client = null)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var path = Path.Combine(_work.Path, $"message-{++_messages}.eml");
        await TestMessages.WriteAsync(message, path, trace, cancellationToken);
        return await CheckFileAsync(path, envelopeSender, client);
    }

    public Task<MessageVerdicts> CheckFileAsync(string path, string? envelopeSender, IPAddress? client = null) =>
        new SenderAuthenticator(DnsResolvers.For(Dns.Endpoint, TimeSpan.FromSeconds(2)))
            .CheckAsync(client ?? Client, envelopeSender, path, TestContext.Current.CancellationToken);

    public string PathFor(string name) => Path.Combine(_work.Path, name);

    public async ValueTask DisposeAsync()
    {
        await Dns.DisposeAsync();
        _work.Dispose();
    }
}
