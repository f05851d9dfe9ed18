using System.Text.Json;

namespace TacoMail.Reconciler.Table.Local;

/// <summary>
/// The <c>dynamodb-local.json</c> file in the state directory. A record is trusted only while its
/// process is alive and its endpoint answers: a crashed emulator leaves a stale file behind.
/// </summary>
internal sealed class LocalInstanceRegistry
{
    public const string FileName = "dynamodb-local.json";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public LocalInstanceRegistry(string stateDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stateDirectory);
        FilePath = Path.Combine(stateDirectory, FileName);
    }

    public string FilePath { get; }

    /// <returns>The recorded instance if it is alive and answers; otherwise null (and a stale file is removed).</returns>
    public async Task<LocalInstanceRecord?> FindLiveAsync(CancellationToken cancellationToken)
    {
        var record = await ReadAsync(cancellationToken);
        if (record is null)
        {
            return null;
        }

        if (ProcessLiveness.IsAlive(record.ProcessId)
            && await DynamoDbLocalProbe.IsAnsweringAsync(record.Endpoint, cancellationToken))
        {
            return record;
        }

        DeleteIfOwnedBy(record.ProcessId);
        return null;
    }

    public async Task WriteAsync(LocalInstanceRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        var temporary = $"{FilePath}.{Guid.NewGuid():N}.tmp";
        await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(record, JsonOptions), cancellationToken);
        File.Move(temporary, FilePath, overwrite: true);
    }

    /// <summary>Removes the record if it still names <paramref name="processId"/> (a newer instance may have replaced it).</summary>
    public void DeleteIfOwnedBy(int processId)
    {
        if (ReadOrNull() is { } current && current.ProcessId == processId)
        {
            File.Delete(FilePath);
        }
    }

    private async Task<LocalInstanceRecord?> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = File.OpenRead(FilePath);
            return await JsonSerializer.DeserializeAsync<LocalInstanceRecord>(stream, JsonOptions, cancellationToken);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException or JsonException)
        {
            return null;
        }
    }

    private LocalInstanceRecord? ReadOrNull()
    {
        try
        {
            return JsonSerializer.Deserialize<LocalInstanceRecord>(File.ReadAllText(FilePath), JsonOptions);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException or JsonException)
        {
            return null;
        }
    }
}
