using System.Globalization;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using TacoMail.Schema.Records;
using TacoMail.Schema.Table;
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

    private SmtpHarness(string directory, string tableName, IAmazonDynamoDB table, AmazonDynamoDBClient serverClient, SmtpFront front, int port, StringWriter log, CancellationTokenSource stop, Task run)
    {
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

    public DiskSpool Spool => Front.Spool;

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
    /// <param name="certificate">Offers STARTTLS when given.</param>
    public static async Task<SmtpHarness> StartAsync(
        DynamoDbLocalFixture dynamo, Uri? serverEndpoint = null, SmtpLimits? limits = null, ISpoolDisk? disk = null, X509Certificate2? certificate = null)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var directory = System.IO.Directory.CreateTempSubdirectory("tacomail-smtp-test-").FullName;
        var config = Path.Combine(directory, "aliases");
        System.IO.Directory.CreateDirectory(config);
        var tableName = DynamoDbLocalFixture.NewTableName("smtp");
        await File.WriteAllTextAsync(Path.Combine(config, "tacomail.yaml"), $$"""
            table: { name: {{tableName}}, region: us-east-1 }
            domains: [{{Domain}}]
            destinations: [me@gmail.com, S3]
            """, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(config, "example.com.yaml"), """
            domain: example.com
            default_destination: me@gmail.com
            aliases:
              shop: {}
              news: { destination: S3 }
              noisy: { state: paused }
              old-bank: { state: disabled }
            """, cancellationToken);
        foreach (var command in new[] { "init", "apply" })
        {
            var (exitCode, output) = await CliRunner.RunAsync(command, "--config", config, "--endpoint", dynamo.Endpoint.ToString());
            exitCode.ShouldBe(0, output);
        }

        var serverClient = TableClientFactory.ForEmulator(serverEndpoint ?? dynamo.Endpoint, c =>
        {
            c.MaxErrorRetry = 0;
            c.Timeout = TimeSpan.FromSeconds(10);
        });
        var log = new StringWriter(CultureInfo.InvariantCulture);
        var port = LoopbackPort.Free();
        var options = new SmtpFrontOptions(
            new IPEndPoint(IPAddress.Loopback, port), tableName, Path.Combine(directory, "spool"), limits ?? SmtpLimits.Default, certificate);
        var front = new SmtpFront(options, serverClient, TimeProvider.System, new LockedWriter(log), disk);
        var stop = new CancellationTokenSource();
        var run = front.RunAsync(stop.Token);
        await front.Started.WaitAsync(cancellationToken);
        return new SmtpHarness(directory, tableName, dynamo.Client, serverClient, front, port, log, stop, run);
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

    public string[] Queued(string extension) => System.IO.Directory.GetFiles(Spool.Queue, "*" + extension);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _run;
        _stop.Dispose();
        _serverClient.Dispose();
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
