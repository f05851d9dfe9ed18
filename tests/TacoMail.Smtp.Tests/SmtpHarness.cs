using System.Globalization;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using TacoMail.Schema.Records;
using TacoMail.Schema.Table;
using TacoMail.Smtp.Delivery;
using TacoMail.Smtp.Hosting;
using TacoMail.Smtp.Recipients;
using TacoMail.Smtp.Spool;
using TacoMail.Testing;
using TacoMail.Testing.DynamoDb;

namespace TacoMail.Smtp.Tests;

/// <summary>
/// The server on a free loopback port against its own table in DynamoDB Local, applied from YAML
/// with the real CLI, and a spool in a fresh temporary directory. Disposing stops the server and
/// deletes the directory.
/// </summary>
internal sealed class SmtpHarness : IAsyncDisposable
{
    public const string Domain = "example.com";

    private readonly CancellationTokenSource _stop;
    private readonly StringWriter _log;
    private readonly AmazonDynamoDBClient _serverClient;
    private readonly Task _run;

    private SmtpHarness(
        string directory, string tableName, IAmazonDynamoDB table, AmazonDynamoDBClient serverClient, SmtpFront front, int port, LoopbackDns dns, StringWriter log, CancellationTokenSource stop, Task run)
    {
        Dns = dns;
        Directory = directory;
        TableName = tableName;
        Table = table;
        _serverClient = serverClient;
        Front = front;
        Port = port;
        _log = log;
        _stop = stop;
        _run = run;
    }

    public string Directory { get; }

    public string TableName { get; }

    public IAmazonDynamoDB Table { get; }

    public SmtpFront Front { get; }

    public int Port { get; }

    /// <summary>
    /// The only DNS server the server asks (SPF, DKIM, DMARC); it knows no names until a test adds
    /// them, so no test depends on the machine's resolvers.
    /// </summary>
    public LoopbackDns Dns { get; }

    public DiskSpool Spool => Front.Spool;

    /// <summary>Runs the queue once and waits for it (serialised with the server's own runs).</summary>
    public Task<IReadOnlyList<QueueAttempt>> DeliverAsync() => Front.Queue.RunDueAsync(TestContext.Current.CancellationToken);

    /// <summary>The files in the alias's Maildir <c>new/</c>.</summary>
    public string[] Filed(string localPart)
    {
        var folder = Path.Combine(Front.Maildir.Root, Domain, localPart, "new");
        return System.IO.Directory.Exists(folder) ? System.IO.Directory.GetFiles(folder) : [];
    }

    public string[] Failed(string extension) => System.IO.Directory.GetFiles(Spool.Failed, "*" + extension);

    /// <summary>What the server logged so far.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <param name="dynamo">The DynamoDB Local of the run.</param>
    /// <param name="serverEndpoint">Where the server looks for the table; default the fixture's (a closed port makes the table unreachable).</param>
    /// <param name="limits">The server's limits; default <see cref="SmtpLimits.Default"/>.</param>
    /// <param name="disk">The spool's file operations; default the real disk.</param>
    /// <param name="relay">The smarthost's port on loopback; null: no relay.</param>
    /// <param name="time">The server's clock; default the system's.</param>
    /// <param name="settings">Extra lines for tacomail.yaml (bounce_sender, bounce_policy, queue_lifetime, …).</param>
    /// <param name="certificate">Offers STARTTLS when given.</param>
    /// <param name="runQueue">Whether the server delivers by itself; by default tests deliver step by step with <see cref="DeliverAsync"/>.</param>
    public static async Task<SmtpHarness> StartAsync(
        DynamoDbLocalFixture dynamo,
        Uri? serverEndpoint = null,
        SmtpLimits? limits = null,
        ISpoolDisk? disk = null,
        int? relay = null,
        TimeProvider? time = null,
        string settings = "",
        X509Certificate2? certificate = null,
        bool runQueue = false)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("tacomail-smtp-test-").FullName;
        var tableName = await ApplyTableAsync(dynamo, directory, settings);

        var serverClient = TableClientFactory.ForEmulator(serverEndpoint ?? dynamo.Endpoint, c =>
        {
            c.MaxErrorRetry = 0;
            c.Timeout = TimeSpan.FromSeconds(10);
        });
        var log = new StringWriter(CultureInfo.InvariantCulture);
        var port = LoopbackPort.Free();
        var dns = LoopbackDns.Start();
        var queue = QueueOptions.Default with
        {
            Dns = dns.Endpoint,
            Maildir = Path.Combine(directory, "mail"),
            Relay = relay is { } relayPort ? new DnsEndPoint("127.0.0.1", relayPort) : null,
            RelayTimeout = TimeSpan.FromSeconds(30),
        };
        var options = new SmtpFrontOptions(
            new IPEndPoint(IPAddress.Loopback, port), tableName, Path.Combine(directory, "spool"), limits ?? SmtpLimits.Default, certificate, queue);
        var front = new SmtpFront(options, serverClient, time ?? TimeProvider.System, new LockedWriter(log), disk);
        var stop = new CancellationTokenSource();
        var run = runQueue ? front.RunAsync(stop.Token) : front.ServeAsync(stop.Token);
        await front.Started.WaitAsync(TestContext.Current.CancellationToken);
        return new SmtpHarness(directory, tableName, dynamo.Client, serverClient, front, port, dns, log, stop, run);
    }

    /// <summary>
    /// A new table in DynamoDB Local applied from YAML with the real CLI (config in
    /// <paramref name="directory"/>/aliases): shop, travel (another mailbox) and news (S3) active, noisy paused, old-bank disabled.
    /// </summary>
    /// <returns>The table's name.</returns>
    public static async Task<string> ApplyTableAsync(DynamoDbLocalFixture dynamo, string directory, string settings = "")
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var config = Path.Combine(directory, "aliases");
        System.IO.Directory.CreateDirectory(config);
        var tableName = DynamoDbLocalFixture.NewTableName("smtp");
        await File.WriteAllTextAsync(Path.Combine(config, "tacomail.yaml"), $$"""
            table: { name: {{tableName}}, region: us-east-1 }
            domains: [{{Domain}}]
            destinations: [me@gmail.com, partner@fastmail.com, S3]
            {{settings}}
            """, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(config, "example.com.yaml"), """
            domain: example.com
            default_destination: me@gmail.com
            aliases:
              shop: {}
              news: { destination: S3 }
              travel: { destination: partner@fastmail.com }
              noisy: { state: paused }
              old-bank: { state: disabled }
            """, cancellationToken);
        foreach (var command in new[] { "init", "apply" })
        {
            var (exitCode, output) = await CliRunner.RunAsync(command, "--config", config, "--endpoint", dynamo.Endpoint.ToString());
            exitCode.ShouldBe(0, output);
        }

        return tableName;
    }

    /// <summary>The alias's <c>use_count</c> as stored (strongly consistent).</summary>
    public async Task<long> UseCountAsync(string localPart)
    {
        var item = await Table.GetItemAsync(new GetItemRequest
        {
            TableName = TableName,
            Key = ItemKeyCodec.Encode(new ItemKey(Domain, localPart)),
            ConsistentRead = true,
        }, TestContext.Current.CancellationToken);
        return long.Parse(item.Item[TableContract.UseCount].N, CultureInfo.InvariantCulture);
    }

    /// <summary>Pauses the alias in the table, as an apply of <c>state: paused</c> would (a change made after a message was accepted).</summary>
    public async Task PauseAsync(string localPart)
    {
        await Table.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = TableName,
            Key = ItemKeyCodec.Encode(new ItemKey(Domain, localPart)),
            UpdateExpression = "SET #ignore = :true",
            ExpressionAttributeNames = new Dictionary<string, string> { ["#ignore"] = TableContract.IgnoreAlias },
            ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":true"] = new() { BOOL = true } },
        }, TestContext.Current.CancellationToken);
    }

    /// <summary>Deletes the server's table: every lookup fails from now on.</summary>
    public async Task DropTableAsync() =>
        await Table.DeleteTableAsync(new DeleteTableRequest { TableName = TableName }, TestContext.Current.CancellationToken);

    public string[] Queued(string extension) => System.IO.Directory.GetFiles(Spool.Queue, "*" + extension);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _run;
        _stop.Dispose();
        _serverClient.Dispose();
        await Dns.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
