namespace TacoMail.Testing.Npm;

/// <summary>
/// Where npm packages for tests are kept between runs: <c>$TACOMAIL_CACHE_DIR/npm</c>, else
/// <c>$XDG_CACHE_HOME/tacomail/npm</c>, else <c>~/.cache/tacomail/npm</c>: the root the s3rver
/// installer of the integration tests uses, so CI caches one directory.
/// </summary>
public static class NpmCacheDirectory
{
    public const string OverrideVariable = "TACOMAIL_CACHE_DIR";

    public static string Resolve()
    {
        var root = Environment.GetEnvironmentVariable(OverrideVariable);
        if (string.IsNullOrWhiteSpace(root))
        {
            var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            root = string.IsNullOrWhiteSpace(xdg)
                ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "tacomail")
                : Path.Combine(xdg, "tacomail");
        }

        return Path.Combine(Path.GetFullPath(root), "npm");
    }
}
