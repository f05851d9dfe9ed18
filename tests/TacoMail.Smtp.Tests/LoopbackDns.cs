using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using ARSoft.Tools.Net.Dns;

namespace TacoMail.Smtp.Tests;

/// <summary>
/// A real DNS server (ARSoft's <see cref="DnsServer"/>) on a free UDP port of <c>127.0.0.1</c>,
/// answering TXT records the test publishes, SERVFAIL where it says so, and NXDOMAIN elsewhere;
/// every name asked is recorded. Thread-safe: the server answers on its own threads.
/// </summary>
internal sealed class LoopbackDns : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, string[]> _txt = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, bool> _failing = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _queriesLock = new();
    private readonly List<string> _queries = [];
    private readonly DnsServer _server;

    private LoopbackDns(DnsServer server, IPEndPoint endpoint)
    {
        _server = server;
        Endpoint = endpoint;
    }

    public IPEndPoint Endpoint { get; }

    /// <summary>The names asked, in order (a snapshot).</summary>
    public IReadOnlyList<string> Queries
    {
        get
        {
            lock (_queriesLock)
            {
                return [.. _queries];
            }
        }
    }

    /// <summary>Starts on a port that was free a moment ago, retrying if another took it meanwhile.</summary>
    public static LoopbackDns Start()
    {
        for (var attempt = 1; ; attempt++)
        {
            int port;
            using (var probe = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0)))
            {
                port = ((IPEndPoint)probe.Client.LocalEndPoint!).Port;
            }

            var endpoint = new IPEndPoint(IPAddress.Loopback, port);
            var server = new DnsServer(new UdpServerTransport(endpoint, 5_000));
            var dns = new LoopbackDns(server, endpoint);
            server.QueryReceived += dns.AnswerAsync;
            try
            {
                server.Start();
                return dns;
            }
            catch (SocketException) when (attempt < 5)
            {
                server.Stop();
            }
        }
    }

    /// <summary>
    /// Publishes TXT records at <paramref name="name"/>, each string one record (split into 255-byte
    /// parts), and ends a <see cref="ServerFailure"/> there: the server answers again.
    /// </summary>
    public void Txt(string name, params string[] records)
    {
        _txt[Normalize(name)] = records;
        _failing.TryRemove(Normalize(name), out _);
    }

    /// <summary>Makes <paramref name="name"/> answer SERVFAIL, whatever is published there.</summary>
    public void ServerFailure(string name) => _failing[Normalize(name)] = true;

    public ValueTask DisposeAsync()
    {
        _server.Stop();
        return ValueTask.CompletedTask;
    }

    private static string Normalize(string name) => name.TrimEnd('.').ToLowerInvariant();

    private Task AnswerAsync(object sender, QueryReceivedEventArgs e)
    {
        if (e.Query is not DnsMessage query || query.Questions.Count != 1)
        {
            return Task.CompletedTask;
        }

        var question = query.Questions[0];
        var name = Normalize(question.Name.ToString());
        lock (_queriesLock)
        {
            _queries.Add(name);
        }

        var response = query.CreateResponseInstance();
        response.IsAuthoritiveAnswer = true;
        if (_failing.ContainsKey(name))
        {
            response.ReturnCode = ReturnCode.ServerFailure;
        }
        else if (_txt.TryGetValue(name, out var records))
        {
            response.ReturnCode = ReturnCode.NoError;
            if (question.RecordType == RecordType.Txt)
            {
                foreach (var record in records)
                {
                    response.AnswerRecords.Add(new TxtRecord(question.Name, 0, Parts(record)));
                }
            }
        }
        else
        {
            response.ReturnCode = ReturnCode.NxDomain;
        }

        e.Response = response;
        return Task.CompletedTask;
    }

    /// <summary>A TXT character-string holds at most 255 bytes; longer text is published in several.</summary>
    private static List<string> Parts(string text)
    {
        var parts = new List<string>();
        var bytes = Encoding.ASCII.GetBytes(text);
        for (var offset = 0; offset < bytes.Length; offset += 255)
        {
            parts.Add(Encoding.ASCII.GetString(bytes, offset, Math.Min(255, bytes.Length - offset)));
        }

        return parts.Count == 0 ? [string.Empty] : parts;
    }
}
