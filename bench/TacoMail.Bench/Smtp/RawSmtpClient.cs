using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TacoMail.Bench.Smtp;

/// <summary>
/// One SMTP connection on a bare socket, as a sending MTA would hold it: EHLO once, then per
/// message MAIL, the RCPTs and DATA pipelined in one write (RFC 2920), the content once 354 came,
/// and the final dot. Times exactly the end of DATA: from writing the dot line to reading its reply.
/// </summary>
internal sealed class RawSmtpClient : IAsyncDisposable
{
    private readonly TcpClient _client;
    private readonly NetworkStream _stream;
    private readonly StreamReader _reader;

    private RawSmtpClient(TcpClient client)
    {
        _client = client;
        _stream = client.GetStream();
        _reader = new StreamReader(_stream, Encoding.ASCII, detectEncodingFromByteOrderMarks: false, bufferSize: 4096, leaveOpen: true);
    }

    /// <exception cref="IOException">The server did not greet, or does not offer PIPELINING.</exception>
    public static async Task<RawSmtpClient> ConnectAsync(IPEndPoint server, CancellationToken cancellationToken)
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

        var client = new RawSmtpClient(tcp);
        try
        {
            Expect(await client.ReadReplyAsync(cancellationToken), 220, "greeting");
            await client.WriteAsync("EHLO bench.mailer.example\r\n", cancellationToken);
            var ehlo = await client.ReadReplyAsync(cancellationToken);
            Expect(ehlo, 250, "EHLO");
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

    /// <summary>Sends one message; returns each RCPT's reply code, the reply code after DATA and how long that reply took.</summary>
    /// <exception cref="IOException">A reply out of protocol (DATA not answered 354, the connection closed).</exception>
    public async Task<SentMessage> SendAsync(PlannedMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var commands = new StringBuilder();
        commands.Append(CultureInfo.InvariantCulture, $"MAIL FROM:<{message.Sender}> SIZE={message.Content.Length}\r\n");
        foreach (var recipient in message.Recipients)
        {
            commands.Append(CultureInfo.InvariantCulture, $"RCPT TO:<{recipient.Address}>\r\n");
        }

        commands.Append("DATA\r\n");
        await WriteAsync(commands.ToString(), cancellationToken);
        Expect(await ReadReplyAsync(cancellationToken), 250, "MAIL FROM");
        var rcptCodes = new int[message.Recipients.Count];
        for (var i = 0; i < rcptCodes.Length; i++)
        {
            rcptCodes[i] = (await ReadReplyAsync(cancellationToken)).Code;
        }

        Expect(await ReadReplyAsync(cancellationToken), 354, "DATA");
        await _stream.WriteAsync(message.Content, cancellationToken);
        var endOfData = ".\r\n"u8.ToArray();
        var started = Stopwatch.GetTimestamp();
        await _stream.WriteAsync(endOfData, cancellationToken);
        var reply = await ReadReplyAsync(cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);
        return new SentMessage(message, rcptCodes, reply.Code, elapsed);
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

    private static void Expect((int Code, string Text) reply, int code, string step)
    {
        if (reply.Code != code)
        {
            throw new IOException(string.Create(CultureInfo.InvariantCulture, $"{step} was answered {reply.Code}, not {code}."));
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
            var line = await _reader.ReadLineAsync(cancellationToken) ?? throw new IOException("The server closed the connection.");
            text.Append(line).Append('\n');
            if (line.Length < 4 || line[3] != '-')
            {
                return (line.Length >= 3 && int.TryParse(line.AsSpan(0, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code : 0, text.ToString());
            }
        }
    }
}
