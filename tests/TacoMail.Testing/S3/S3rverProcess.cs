using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace TacoMail.Testing.S3;

/// <summary>
/// One running s3rver, owned by this object: started with <c>node</c> on a free loopback port and
/// a fresh data directory, awaited until <c>GET /</c> answers, and killed by its process id (with
/// its process tree) on dispose, which also deletes the data. A port taken between the probe and
/// the bind is retried on another.
/// </summary>
public sealed class S3rverProcess : IAsyncDisposable
{
    private const int MaxBindAttempts = 5;
    private const int OutputTailLength = 4096;
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private int _disposed;

    private S3rverProcess(Process process, int port, string dataDirectory)
    {
        _process = process;
        ProcessId = process.Id;
        Endpoint = new Uri($"http://127.0.0.1:{port}");
        DataDirectory = dataDirectory;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri Endpoint { get; }

    public int ProcessId { get; }

    public string DataDirectory { get; }

    /// <summary>The last things s3rver wrote (it runs with <c>--silent</c>, so mostly errors).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <exception cref="S3rverException">node is missing, or s3rver exits or does not answer in time.</exception>
    public static async Task<S3rverProcess> StartAsync(string scriptPath, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var dataDirectory = Directory.CreateTempSubdirectory("tacomail-s3rver-").FullName;
            var started = Launch(scriptPath, LoopbackPort.Free(), dataDirectory);
            try
            {
                if (await started.WaitUntilReadyAsync(cancellationToken))
                {
                    return started;
                }
            }
            catch
            {
                await started.DisposeAsync();
                throw;
            }

            var output = started.Output;
            await started.DisposeAsync();
            if (attempt >= MaxBindAttempts || !output.Contains("EADDRINUSE", StringComparison.Ordinal))
            {
                throw new S3rverException($"s3rver exited before answering:{Environment.NewLine}{output}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            using var timeout = new CancellationTokenSource(StopTimeout);
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (Exception exception) when (exception is InvalidOperationException or OperationCanceledException or Win32Exception)
        {
            // Already gone, or not stopping: nothing more can be done from here.
        }
        finally
        {
            _process.Dispose();
            TryDeleteData();
        }
    }

    private static S3rverProcess Launch(string scriptPath, int port, string dataDirectory)
    {
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        // s3rver 3.7 encrypts ListObjectsV2 continuation tokens with DES, which Node.js 17+ only
        // allows with the legacy OpenSSL provider; without it every paginated listing fails.
        start.Environment["NODE_OPTIONS"] = "--openssl-legacy-provider";
        foreach (var argument in new[] { scriptPath, "-d", dataDirectory, "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-a", "127.0.0.1", "--silent" })
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            var process = Process.Start(start) ?? throw new S3rverException("node did not start.");
            return new S3rverProcess(process, port, dataDirectory);
        }
        catch (Win32Exception exception)
        {
            throw new S3rverException("s3rver runs on Node.js, which was not found on PATH: install it (apt-get install nodejs).", exception);
        }
    }

    /// <returns>False when the process exited first (its output says why).</returns>
    private async Task<bool> WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < ReadyTimeout)
        {
            if (_process.HasExited)
            {
                return false;
            }

            try
            {
                using var response = await http.GetAsync(Endpoint, cancellationToken);
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                if (response.IsSuccessStatusCode && body.Contains("ListAllMyBucketsResult", StringComparison.Ordinal))
                {
                    return true;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // Not listening yet.
            }

            await Task.Delay(PollInterval, cancellationToken);
        }

        throw new S3rverException($"s3rver did not answer at {Endpoint} within {ReadyTimeout.TotalSeconds:0} s:{Environment.NewLine}{Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
            if (_output.Length > OutputTailLength)
            {
                _output.Remove(0, _output.Length - OutputTailLength);
            }
        }
    }

    private void TryDeleteData()
    {
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Temporary files; the OS cleans the temp folder eventually.
        }
    }
}
