using System.ComponentModel;
using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using TacoMail.Reconciler.Table.Local;
using TacoMail.Testing;

namespace TacoMail.IntegrationTests.Table.Local;

/// <summary>
/// Stands in for <c>npm pack</c>: writes a small tarball shaped like the real package into the
/// pack destination, counting calls so tests can tell whether npm would have run.
/// </summary>
internal sealed class FakeNpmRunner : ICommandRunner
{
    private int _calls;

    public int Calls => _calls;

    /// <summary>Shared by runners that must be running at the same time: each waits in npm until all have started.</summary>
    public AwaitableCount? Rendezvous { get; init; }

    /// <summary>How many runners share <see cref="Rendezvous"/>.</summary>
    public int RendezvousOf { get; init; }

    public CommandResult? Failure { get; init; }

    public bool NotInstalled { get; init; }

    public List<string> LastArguments { get; } = [];

    public async Task<CommandResult> RunAsync(
        string fileName, IReadOnlyList<string> arguments, string workingDirectory, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        if (NotInstalled)
        {
            throw new Win32Exception(2, "No such file or directory");
        }

        lock (LastArguments)
        {
            LastArguments.Clear();
            LastArguments.AddRange(arguments);
        }

        if (Rendezvous is { } rendezvous)
        {
            rendezvous.Increment();
            await rendezvous.WaitForAsync(RendezvousOf, cancellationToken);
        }

        if (Failure is not null)
        {
            return Failure;
        }

        var destination = arguments[arguments.ToList().IndexOf("--pack-destination") + 1];
        await WriteTarballAsync(Path.Combine(destination, "amplify-dynamodb-simulator-2.9.30.tgz"), cancellationToken);
        return new CommandResult(0, "amplify-dynamodb-simulator-2.9.30.tgz", string.Empty);
    }

    private static async Task WriteTarballAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = File.Create(path);
        await using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        await using var writer = new TarWriter(gzip);
        foreach (var name in new[]
        {
            "package/package.json",
            "package/index.js",
            "package/emulator/DynamoDBLocal.jar",
            "package/emulator/DynamoDBLocal_lib/libsqlite4java-linux-amd64.so",
        })
        {
            var entry = new PaxTarEntry(TarEntryType.RegularFile, name)
            {
                DataStream = new MemoryStream(Encoding.UTF8.GetBytes($"fake {name}")),
            };
            await writer.WriteEntryAsync(entry, cancellationToken);
        }
    }
}
