using System.Net.Security;
using System.Net.Sockets;
using System.Text;

namespace TacoMail.Smtp.Tests;

/// <summary>
/// A client on a bare socket, for what a polite library never sends: pipelined commands in one
/// write, commands out of order, declared sizes. Replies are read line by line; a multi-line reply
/// is returned whole.
/// </summary>
internal sealed class RawSmtpSession : IAsyncDisposable
{
    private readonly TcpClient _client;
    private Stream _stream;
    private StreamReader _reader;

    private RawSmtpSession(TcpClient client)
    {
        _client = client;
        _stream = client.GetStream();
        _reader = new StreamReader(_stream, Encoding.ASCII);
    }

    public static async Task<(RawSmtpSession Session, string Greeting)> ConnectAsync(int port)
    {
        var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port, TestContext.Current.CancellationToken);
        var session = new RawSmtpSession(client);
        return (session, await session.ReadReplyAsync());
    }

    public async Task SendAsync(string text) =>
        await _stream.WriteAsync(Encoding.ASCII.GetBytes(text), TestContext.Current.CancellationToken);

    /// <summary>Bytes as they are, for 8-bit content and line ends other than CRLF.</summary>
    public async Task SendAsync(byte[] bytes) =>
        await _stream.WriteAsync(bytes, TestContext.Current.CancellationToken);

    /// <summary>
    /// Everything the server writes until it closes the connection. The bound only keeps a broken
    /// server from hanging the run; no test asserts how long the close took.
    /// </summary>
    public async Task<string> ReadUntilClosedAsync() =>
        await _reader.ReadToEndAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

    /// <summary>One reply: its lines joined by newlines (the last one has a space after the code).</summary>
    public async Task<string> ReadReplyAsync()
    {
        var lines = new List<string>();
        while (true)
        {
            var line = await _reader.ReadLineAsync(TestContext.Current.CancellationToken)
                ?? throw new IOException($"The server closed the connection after: {string.Join(" | ", lines)}");
            lines.Add(line);
            if (line.Length < 4 || line[3] != '-')
            {
                return string.Join('\n', lines);
            }
        }
    }

    public async Task<string> CommandAsync(string command)
    {
        await SendAsync(command + "\r\n");
        return await ReadReplyAsync();
    }

    /// <summary>STARTTLS, then the rest of the session over TLS, trusting only the certificate whose hash is <paramref name="thumbprint"/>.</summary>
    public async Task<string> StartTlsAsync(string thumbprint)
    {
        var reply = await CommandAsync("STARTTLS");
        var tls = new SslStream(_stream);
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "localhost",
            RemoteCertificateValidationCallback = (_, presented, _, _) => presented?.GetCertHashString() == thumbprint,
        }, TestContext.Current.CancellationToken);
        _stream = tls;
        _reader = new StreamReader(tls, Encoding.ASCII);
        return reply;
    }

    public async ValueTask DisposeAsync()
    {
        _reader.Dispose();
        await _stream.DisposeAsync();
        _client.Dispose();
    }
}
