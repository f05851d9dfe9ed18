namespace TacoMail.Reconciler.Config;

/// <summary>A YAML file of the config directory.</summary>
/// <param name="Path">The directory as given joined with <see cref="Name"/>; diagnostics use it as is.</param>
/// <param name="Name">The file name.</param>
/// <param name="IsMain">True for tacomail.yaml (or .yml), false for a domain file.</param>
internal sealed record ConfigFile(string Path, string Name, bool IsMain);
