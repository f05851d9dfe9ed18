using TacoMail.Reconciler.Planning;
using TacoMail.Reconciler.Rendering;

namespace TacoMail.Reconciler.Cli;

/// <summary>Writes and reads saved plans; a write never leaves a half-written file behind.</summary>
internal static class SavedPlanFile
{
    /// <param name="path">Where to save the plan.</param>
    /// <param name="plan">The plan.</param>
    /// <param name="maskDestinations">Mask destinations in the file; apply reads only the digests, so it still works.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    public static async Task WriteAsync(string path, Plan plan, bool maskDestinations, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = $"{full}.{Guid.NewGuid():N}.tmp";
        try
        {
            await using (var stream = File.Create(temporary))
            {
                JsonPlanRenderer.Write(plan, stream, maskDestinations);
                await stream.FlushAsync(cancellationToken);
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <exception cref="TacoMailException">The file is missing or not a tacomail plan.</exception>
    public static SavedPlan Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new TacoMailException($"no saved plan at {path}; make one with: tacomail plan --out {path}");
        }

        using var stream = File.OpenRead(path);
        return SavedPlan.Read(stream);
    }
}
