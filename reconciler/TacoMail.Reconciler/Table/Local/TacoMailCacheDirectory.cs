using TacoMail.Reconciler.Hosting;

namespace TacoMail.Reconciler.Table.Local;

/// <summary>
/// Where downloaded tools are kept between runs, following the XDG convention so that CI can
/// cache one directory and users can relocate it.
/// </summary>
internal static class TacoMailCacheDirectory
{
    public const string OverrideVariable = "TACOMAIL_CACHE_DIR";

    public static string Resolve(IProcessEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);

        var explicitDirectory = environment.GetVariable(OverrideVariable);
        if (!string.IsNullOrWhiteSpace(explicitDirectory))
        {
            return Path.GetFullPath(explicitDirectory, environment.CurrentDirectory);
        }

        var xdgCache = environment.GetVariable("XDG_CACHE_HOME");
        if (!string.IsNullOrWhiteSpace(xdgCache))
        {
            return Path.Combine(Path.GetFullPath(xdgCache, environment.CurrentDirectory), "tacomail");
        }

        var home = environment.GetVariable("HOME");
        if (string.IsNullOrWhiteSpace(home))
        {
            home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        }

        return Path.Combine(home, ".cache", "tacomail");
    }
}
