using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using TacoMail.Testing.Npm;
using Xunit;

namespace TacoMail.Testing.S3;

/// <summary>
/// A real S3-API server (s3rver, npm, pinned) on loopback for a whole test assembly: register it
/// with <c>[assembly: AssemblyFixture(typeof(S3ServerFixture))]</c> and take it in a test class's
/// constructor. Installed into the tool cache on first use, started on a free port, killed by its
/// process id when the run ends. Tests keep apart by creating their own buckets
/// (<see cref="CreateBucketAsync"/>).
/// </summary>
/// <remarks>
/// s3rver accepts the fixed key pair <see cref="AccessKey"/>/<see cref="SecretKey"/> and checks
/// SigV4 signatures; clients need path-style addressing, and checksums only where S3 requires them
/// (s3rver does not read trailing checksums): <see cref="CreateConfig"/> sets both. Two quirks
/// remain for callers: a <c>PutObject</c> must set <c>UseChunkEncoding = false</c> (s3rver stores an
/// aws-chunked body verbatim, chunk signatures and all; <see cref="PutAsync"/> does), and
/// <c>CopyObject</c> from the SDK fails (s3rver does not decode the encoded <c>x-amz-copy-source</c>).
/// </remarks>
public sealed class S3ServerFixture : IAsyncLifetime
{
    public const string AccessKey = "S3RVER";
    public const string SecretKey = "S3RVER";
    public const string Region = "us-east-1";

    private S3rverProcess? _process;
    private AmazonS3Client? _client;

    /// <summary>The server's base URL, <c>http://127.0.0.1:PORT</c>.</summary>
    public Uri Endpoint => Process.Endpoint;

    /// <summary>The node process, for tests that check it is stopped.</summary>
    public int ProcessId => Process.ProcessId;

    /// <summary>The installed s3rver's entry script (under the tool cache), for tests that start another.</summary>
    public string ScriptPath { get; private set; } = string.Empty;

    /// <summary>A client for the server, shared by the tests (thread-safe).</summary>
    public AmazonS3Client Client => _client ?? throw new InvalidOperationException("The fixture is not initialized.");

    /// <summary>
    /// The variables that point an SDK-configured process at this server: <c>AWS_ENDPOINT_URL_S3</c>,
    /// the key pair and the region.
    /// </summary>
    public IReadOnlyDictionary<string, string> EnvironmentVariables => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["AWS_ENDPOINT_URL_S3"] = Endpoint.AbsoluteUri,
        ["AWS_ACCESS_KEY_ID"] = AccessKey,
        ["AWS_SECRET_ACCESS_KEY"] = SecretKey,
        ["AWS_REGION"] = Region,
    };

    private S3rverProcess Process => _process ?? throw new InvalidOperationException("The fixture is not initialized.");

    /// <summary>The client configuration for an s3rver at <paramref name="endpoint"/>.</summary>
    public static AmazonS3Config CreateConfig(Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return new AmazonS3Config
        {
            ServiceURL = endpoint.AbsoluteUri,
            ForcePathStyle = true,
            AuthenticationRegion = Region,
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
    }

    /// <summary>A new client of its own (dispose it).</summary>
    public AmazonS3Client CreateClient() => new(new BasicAWSCredentials(AccessKey, SecretKey), CreateConfig(Endpoint));

    /// <summary>Creates a bucket no other test uses and returns its name.</summary>
    public async Task<string> CreateBucketAsync(string prefix = "test", CancellationToken cancellationToken = default)
    {
        var name = $"{prefix}-{Guid.NewGuid():N}".ToLowerInvariant();
        name = name.Length > 63 ? name[..63] : name;
        await Client.PutBucketAsync(new PutBucketRequest { BucketName = name }, cancellationToken);
        return name;
    }

    /// <summary>Stores <paramref name="content"/> as <paramref name="key"/>, without aws-chunked encoding.</summary>
    public async Task PutAsync(string bucket, string key, byte[] content, CancellationToken cancellationToken = default)
    {
        using var stream = new MemoryStream(content, writable: false);
        await Client.PutObjectAsync(
            new PutObjectRequest { BucketName = bucket, Key = key, InputStream = stream, UseChunkEncoding = false }, cancellationToken);
    }

    /// <summary>Stores the file at <paramref name="path"/> as <paramref name="key"/>, streamed, without aws-chunked encoding.</summary>
    public async Task PutFileAsync(string bucket, string key, string path, CancellationToken cancellationToken = default) =>
        await Client.PutObjectAsync(
            new PutObjectRequest { BucketName = bucket, Key = key, FilePath = path, UseChunkEncoding = false }, cancellationToken);

    public async ValueTask InitializeAsync()
    {
        ScriptPath = await S3rverInstaller.EnsureInstalledAsync(NpmInstaller.ForThisMachine(), CancellationToken.None);
        _process = await S3rverProcess.StartAsync(ScriptPath, CancellationToken.None);
        _client = CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }
    }
}
