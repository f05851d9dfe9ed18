using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TacoMail.Bench.Smtp;

/// <summary>
/// One SMTP connection on a bare socket, as a sending MTA would hold it: EHLO once, then per
/// message MAIL, the RCPTs and DATA pipelined in one write (RFC 2920; or one at a time, each
/// after the previous reply), the content once 354 came, and the final dot. Times exactly the end
/// of DATA: from writing the dot line to reading its reply.
/// </summary>
internal sealed class RawSmtpClient : IAsyncDisposable
{
    private const int IpProtocolTcp = 6;
    private const int TcpQuickAck = 12;

    private readonly TcpClient _client;
    private readonly NetworkStream _stream;
    private readonly StreamReader _reader;
    private readonly bool _pipelining;
    private readonly bool _quickAck;

    private RawSmtpClient(TcpClient client, bool pipelining, bool quickAck)
    {
        _client = client;
        _pipelining = pipelining;
        _quickAck = quickAck;
        _stream = client.GetStream();
        _reader = new StreamReader(_stream, Encoding.ASCII, detectEncodingFromByteOrderMarks: false, bufferSize: 4096, leaveOpen: true);
    }

    /// <exception cref="IOException">The server did not greet, or does not offer PIPELINING.</exception>
    /// <param name="server">Where the server listens.</param>
    /// <param name="pipelining">Pipeline each message's commands, or wait for each reply.</param>
    /// <param name="quickAck">Acknowledge each reply at once (Linux only; see <see cref="SmtpBenchOptions.QuickAck"/>).</param>
    /// <param name="cancellationToken">Stops connecting.</param>
    public static async Task<RawSmtpClient> ConnectAsync(IPEndPoint server, bool pipelining, bool quickAck, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(server);
        var tcp = new TcpClient { NoDelay = true };
        try
        {
            await tcp.ConnectAsync(server, cancellationToken);
        }
        catch
        {
            tcp.Dispose();
            throw;
        }

        var client = new RawSmtpClient(tcp, pipelining, quickAck);
        try
        {
            Expect((await client.ReadReplyAsync(cancellationToken)).Code, 220, "greeting");
            await client.WriteAsync("EHLO bench.mailer.example\r\n", cancellationToken);
            var ehlo = await client.ReadReplyAsync(cancellationToken);
            Expect(ehlo.Code, 250, "EHLO");
            if (!ehlo.Text.Contains("PIPELINING", StringComparison.Ordinal))
            {
                throw new IOException("The server does not offer PIPELINING.");
            }

            return client;
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    /// <summary>Sends one message; returns the reply codes and the times of its steps.</summary>
    /// <exception cref="IOException">A reply out of protocol (DATA not answered 354, the connection closed).</exception>
    public async Task<SentMessage> SendAsync(PlannedMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var commands = new List<string> { string.Create(CultureInfo.InvariantCulture, $"MAIL FROM:<{message.Sender}> SIZE={message.Content.Length}\r\n") };
        commands.AddRange(message.Recipients.Select(r => $"RCPT TO:<{r.Address}>\r\n"));
        commands.Add("DATA\r\n");
        var begun = Stopwatch.GetTimestamp();
        var replies = new List<int>();
        if (_pipelining)
        {
            await WriteAsync(string.Concat(commands), cancellationToken);
            foreach (var _ in commands)
            {
                replies.Add((await ReadReplyAsync(cancellationToken)).Code);
            }
        }
        else
        {
            foreach (var command in commands)
            {
                await WriteAsync(command, cancellationToken);
                replies.Add((await ReadReplyAsync(cancellationToken)).Code);
            }
        }

        Expect(replies[0], 250, "MAIL FROM");
        Expect(replies[^1], 354, "DATA");
        var envelope = Stopwatch.GetElapsedTime(begun);
        await _stream.WriteAsync(message.Content, cancellationToken);
        var endOfData = ".\r\n"u8.ToArray();
        var started = Stopwatch.GetTimestamp();
        await _stream.WriteAsync(endOfData, cancellationToken);
        var reply = await ReadReplyAsync(cancellationToken);
        var ended = Stopwatch.GetTimestamp();
        return new SentMessage(message, replies[1..^1], reply.Code, envelope, Stopwatch.GetElapsedTime(started, ended), Stopwatch.GetElapsedTime(begun, ended));
    }

    public async Task QuitAsync(CancellationToken cancellationToken)
    {
        await WriteAsync("QUIT\r\n", cancellationToken);
        await ReadReplyAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _reader.Dispose();
        await _stream.DisposeAsync();
        _client.Dispose();
    }

    private static void Expect(int reply, int code, string step)
    {
        if (reply != code)
        {
            throw new IOException(string.Create(CultureInfo.InvariantCulture, $"{step} was answered {reply}, not {code}."));
        }
    }

    private async Task WriteAsync(string text, CancellationToken cancellationToken) =>
        await _stream.WriteAsync(Encoding.ASCII.GetBytes(text), cancellationToken);

    /// <summary>One reply, all its lines; the code of its last line.</summary>
    private async Task<(int Code, string Text)> ReadReplyAsync(CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        while (true)
        {
            if (_quickAck && OperatingSystem.IsLinux())
            {
                // The kernel leaves quick-ACK mode by itself, so it is asked again before every read.
                _client.Client.SetRawSocketOption(IpProtocolTcp, TcpQuickAck, BitConverter.GetBytes(1));
            }

            var line = await _reader.ReadLineAsync(cancellationToken) ?? throw new IOException("The server closed the connection.");
            text.Append(line).Append('\n');
            if (line.Length < 4 || line[3] != '-')
            {
                return (line.Length >= 3 && int.TryParse(line.AsSpan(0, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code : 0, text.ToString());
            }
        }
    }
}
