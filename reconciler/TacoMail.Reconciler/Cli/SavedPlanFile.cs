using TacoMail.Reconciler.Planning;

namespace TacoMail.Reconciler.Cli;

/// <summary>Writes and reads saved plans (<see cref="SavedPlanFormat"/>); a write never leaves a half-written file behind.</summary>
internal static class SavedPlanFile
{
    /// <param name="path">Where to save the plan.</param>
    /// <param name="plan">The plan.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    public static async Task WriteAsync(string path, Plan plan, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = $"{full}.{Guid.NewGuid():N}.tmp";
        try
        {
            await using (var stream = File.Create(temporary))
            {
                SavedPlanFormat.Write(plan, stream);
                await stream.FlushAsync(cancellationToken);
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <exception cref="TacoMailException">The file is missing, not a saved plan of this version, or damaged.</exception>
    public static SavedPlan Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new TacoMailException($"no saved plan at {path}; make one with: tacomail plan --out {path}");
        }

        using var stream = File.OpenRead(path);
        return SavedPlanFormat.Read(stream, path);
    }
}
