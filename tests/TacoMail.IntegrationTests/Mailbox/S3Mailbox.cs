using System.Security.Cryptography;
using System.Text;
using Amazon.S3.Model;
using Spectre.Console;
using Spectre.Console.Testing;
using TacoMail.Reconciler.Cli;
using TacoMail.Testing;
using TacoMail.Testing.S3;

namespace TacoMail.IntegrationTests.Mailbox;

/// <summary>
/// A bucket of its own on the shared s3rver, filled the way the delivery Lambda fills it, a local
/// Maildir directory, and the real <c>tacomail fetch</c> run against both.
/// </summary>
internal sealed class S3Mailbox(S3ServerFixture s3, string bucket) : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public string Bucket { get; } = bucket;

    public string Maildir => Path.Combine(_directory.Path, "Mail");

    /// <summary>Credentials and region of the s3rver, but no endpoint: tests pass <c>--endpoint-s3</c>.</summary>
    public TestEnvironment Environment { get; } = new(new Dictionary<string, string>
    {
        ["AWS_ACCESS_KEY_ID"] = S3ServerFixture.AccessKey,
        ["AWS_SECRET_ACCESS_KEY"] = S3ServerFixture.SecretKey,
        ["AWS_REGION"] = S3ServerFixture.Region,
    });

    public static async Task<S3Mailbox> CreateAsync(S3ServerFixture s3) =>
        new(s3, await s3.CreateBucketAsync("fetch", TestContext.Current.CancellationToken));

    /// <summary>The key the delivery Lambda files message <paramref name="number"/> for <paramref name="alias"/> under.</summary>
    public static string Key(string alias, int number)
    {
        var at = alias.IndexOf('@', StringComparison.Ordinal);
        return $"mailbox/{alias[(at + 1)..]}/{alias[..at]}/new/{Name(alias, number)}";
    }

    public static string Name(string alias, int number) =>
        $"{1764417600 + number}.T{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(alias)))[..8]}{number:x24}.tacomail";

    public static byte[] Body(string alias, int number, int padding = 0)
    {
        var text = $"From: Shop <news@shop.example>\r\nTo: {alias}\r\nSubject: message {number} \u00fc\r\n\r\nbody {number}\r\n";
        var body = Encoding.UTF8.GetBytes(text);
        if (padding == 0)
        {
            return body;
        }

        var random = new byte[padding];
        new Random(number).NextBytes(random);
        return [.. body, .. random];
    }

    /// <summary>
    /// Stores an object as the Lambda would. Not chunk-encoded: s3rver would keep the aws-chunked
    /// framing (chunk sizes and signatures) as part of the object over plain HTTP.
    /// </summary>
    public async Task PutAsync(string key, byte[] body)
    {
        using var stream = new MemoryStream(body);
        await s3.Client.PutObjectAsync(
            new PutObjectRequest { BucketName = Bucket, Key = key, InputStream = stream, UseChunkEncoding = false },
            TestContext.Current.CancellationToken);
    }

    public async Task<List<string>> KeysAsync()
    {
        var keys = new List<string>();
        var request = new ListObjectsV2Request { BucketName = Bucket };
        ListObjectsV2Response page;
        do
        {
            page = await s3.Client.ListObjectsV2Async(request, TestContext.Current.CancellationToken);
            keys.AddRange((page.S3Objects ?? []).Select(o => o.Key));
            request.ContinuationToken = page.NextContinuationToken;
        }
        while (page.IsTruncated == true);

        return keys;
    }

    public string[] FilesIn(string folder)
    {
        var path = Path.Combine(Maildir, folder);
        return Directory.Exists(path)
            ? [.. Directory.EnumerateFiles(path).Select(p => Path.GetFileName(p)!).Order(StringComparer.Ordinal)]
            : [];
    }

    public byte[] Read(string relative) => File.ReadAllBytes(Path.Combine(Maildir, relative));

    /// <summary><c>tacomail fetch --maildir … --bucket … --endpoint-s3 …</c> plus <paramref name="extra"/>.</summary>
    public Task<(int ExitCode, string Output)> FetchAsync(params string[] extra) =>
        CliRunner.RunAsync(Environment, [.. FetchArguments(), .. extra]);

    /// <summary>The same, on a console and with a cancellation the test controls.</summary>
    public async Task<int> FetchAsync(IAnsiConsole console, CancellationToken cancellationToken, params string[] extra)
    {
        var app = TacoMailApp.Create(console, Environment, TimeProvider.System);
        return await app.RunAsync([.. FetchArguments(), .. extra], cancellationToken);
    }

    public static TestConsole NewConsole()
    {
        var console = new TestConsole();
        console.Profile.Width = 400;
        return console;
    }

    public void Dispose() => _directory.Dispose();

    private string[] FetchArguments() => ["fetch", "--maildir", Maildir, "--bucket", Bucket, "--endpoint-s3", s3.Endpoint.AbsoluteUri];
}
