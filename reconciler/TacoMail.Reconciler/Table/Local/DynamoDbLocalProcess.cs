using System.ComponentModel;
using System.Diagnostics;
using TacoMail.Reconciler.Hosting;

namespace TacoMail.Reconciler.Table.Local;

/// <summary>
/// One running DynamoDB Local, owned by this object: started on a loopback port, awaited until it
/// answers, and killed (with its process tree) on dispose, so that no emulator outlives its user.
/// </summary>
internal sealed class DynamoDbLocalProcess : IAsyncDisposable
{
    private const int MaxBindAttempts = 5;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    private readonly Process _process;
    private readonly OutputTail _output;
    private readonly int _port;
    private int _disposed;

    private DynamoDbLocalProcess(Process process, OutputTail output, int port, string? dataDirectory)
    {
        _process = process;
        _output = output;
        _port = port;
        ProcessId = process.Id;
        DataDirectory = dataDirectory;
        Endpoint = new Uri($"http://127.0.0.1:{port}");
    }

    public Uri Endpoint { get; }

    public int ProcessId { get; }

    /// <summary>Where the data lives, or null for an in-memory instance.</summary>
    public string? DataDirectory { get; }

    /// <summary>The last lines the emulator wrote.</summary>
    public string Output => _output.ToString();

    /// <exception cref="DynamoDbLocalException">Java is missing, or the emulator exits or does not answer in time.</exception>
    public static async Task<DynamoDbLocalProcess> StartAsync(
        DynamoDbLocalInstallation installation,
        DynamoDbLocalStartOptions options,
        IProcessEnvironment environment,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(installation);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);

        var java = JavaLocator.Locate(environment);
        for (var attempt = 1; ; attempt++)
        {
            var started = Launch(java, installation, options, options.Port ?? FreeLoopbackPort.Find());
            try
            {
                if (await started.WaitUntilReadyAsync(options.ReadyTimeout, cancellationToken))
                {
                    return started;
                }
            }
            catch
            {
                await started.DisposeAsync();
                throw;
            }

            await started.DisposeAsync();
            if (options.Port is { } fixedPort)
            {
                throw new DynamoDbLocalException($"DynamoDB Local could not listen on port {fixedPort}: it is in use.");
            }

            if (attempt == MaxBindAttempts)
            {
                throw new DynamoDbLocalException(
                    $"DynamoDB Local could not bind a free port in {MaxBindAttempts} attempts:{Environment.NewLine}{started.Output}");
            }
        }
    }

    public Task WaitForExitAsync(CancellationToken cancellationToken) => _process.WaitForExitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }

        using var timeout = new CancellationTokenSource(StopTimeout);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // Killed but not yet reaped; nothing more we can do.
        }

        _process.Dispose();
    }

    private static DynamoDbLocalProcess Launch(
        string java, DynamoDbLocalInstallation installation, DynamoDbLocalStartOptions options, int port)
    {
        var startInfo = new ProcessStartInfo(java)
        {
            WorkingDirectory = installation.Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] arguments =
        [
            // C1 only and the serial collector halve the JVM's start-up (~2.5 s to ~1.1 s on 2 cores);
            // an emulator serving a CLI run never warms up enough for C2 to pay off.
            "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            $"-Djava.library.path={installation.LibraryPath}", "-jar", installation.JarPath,
            "-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-disableTelemetry",
        ];
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        if (options.SharedDatabase)
        {
            startInfo.ArgumentList.Add("-sharedDb");
        }

        if (options.DataDirectory is { } dataDirectory)
        {
            Directory.CreateDirectory(dataDirectory);
            startInfo.ArgumentList.Add("-dbPath");
            startInfo.ArgumentList.Add(dataDirectory);
        }
        else
        {
            startInfo.ArgumentList.Add("-inMemory");
        }

        var output = new OutputTail();
        var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => output.Add(e.Data);
        try
        {
            process.Start();
        }
        catch (Win32Exception exception)
        {
            process.Dispose();
            throw new DynamoDbLocalException($"Could not run '{java}'. {JavaLocator.JavaMissingMessage}", exception);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new DynamoDbLocalProcess(process, output, port, options.DataDirectory);
    }

    /// <returns>True when ready; false when the port was taken (a bind race worth retrying).</returns>
    private async Task<bool> WaitUntilReadyAsync(TimeSpan readyTimeout, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(readyTimeout);
        using var probe = new DynamoDbLocalProbe(Endpoint);
        try
        {
            while (true)
            {
                if (_output.Contains("BindException") || _output.Contains("Failed to bind"))
                {
                    return false;
                }

                if (_process.HasExited)
                {
                    await _process.WaitForExitAsync(timeout.Token); // drains the output
                    throw new DynamoDbLocalException(ExitedMessage());
                }

                if (await probe.IsAnsweringAsync(timeout.Token)
                    && ListeningSocketOwner.IsListening(ProcessId, _port) != false)
                {
                    return true;
                }

                await Task.Delay(PollInterval, timeout.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DynamoDbLocalException(
                $"DynamoDB Local did not answer on {Endpoint} within {readyTimeout.TotalSeconds:0} s. Its output:"
                + $"{Environment.NewLine}{Output}");
        }
    }

    private string ExitedMessage()
    {
        var hint = _output.Contains("UnsupportedClassVersionError") ? $" {JavaLocator.JavaMissingMessage}." : string.Empty;
        return $"DynamoDB Local exited with code {_process.ExitCode} before it was ready.{hint} Its output:"
            + $"{Environment.NewLine}{Output}";
    }
}
