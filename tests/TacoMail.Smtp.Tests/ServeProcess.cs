using System.Diagnostics;
using System.Globalization;
using System.Text;
using TacoMail.Testing;

namespace TacoMail.Smtp.Tests;

/// <summary>
/// <c>tacomail-smtp serve</c> as a real process, as a user runs it: started with its command line,
/// ready once it says it is listening, and stopped either as an operator would (SIGTERM) or as a
/// crash or power cut does (SIGKILL: nothing runs after it).
/// </summary>
internal sealed class ServeProcess : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private readonly Process _process;
    private readonly StringBuilder _errors = new();

    private ServeProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    /// <summary>What the server logged on standard error so far.</summary>
    public string Log
    {
        get
        {
            lock (_errors)
            {
                return _errors.ToString();
            }
        }
    }

    public static async Task<ServeProcess> StartAsync(params string[] arguments)
    {
        var port = LoopbackPort.Free();
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(RepositoryRoot.PathOf("smtp/TacoMail.Smtp/bin/Release/net10.0/tacomail-smtp.dll"));
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add("--listen");
        start.ArgumentList.Add(string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{port}"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        var serve = new ServeProcess(process, port);
        process.ErrorDataReceived += (_, e) =>
        {
            lock (serve._errors)
            {
                serve._errors.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();
        var cancellationToken = TestContext.Current.CancellationToken;
        while (await process.StandardOutput.ReadLineAsync(cancellationToken).AsTask().WaitAsync(Patience, cancellationToken) is { } line)
        {
            if (line.StartsWith("tacomail-smtp listening on", StringComparison.Ordinal))
            {
                return serve;
            }
        }

        await serve.DisposeAsync();
        throw new InvalidOperationException($"tacomail-smtp exited before listening: {serve.Log}");
    }

    /// <summary>SIGKILL: the process ends at once, as in a crash; nothing of it runs afterwards.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(Patience);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().WaitAsync(Patience);
        }

        _process.Dispose();
    }
}
