using TacoMail.Reconciler.Hosting;

namespace TacoMail.Reconciler.Table.Locking;

/// <summary>
/// A default lock owner a person can recognise: the GitHub actor and run in Actions (where the
/// user and host names are meaningless runner names), else <c>user@host</c>.
/// </summary>
internal static class LockOwnerName
{
    public static string From(IProcessEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var actor = environment.GetVariable("GITHUB_ACTOR");
        var run = environment.GetVariable("GITHUB_RUN_ID");
        if (!string.IsNullOrWhiteSpace(actor))
        {
            return string.IsNullOrWhiteSpace(run) ? actor : $"{actor} (GitHub Actions run {run})";
        }

        var user = environment.GetVariable("USER") ?? environment.GetVariable("USERNAME");
        return $"{(string.IsNullOrWhiteSpace(user) ? Environment.UserName : user)}@{Environment.MachineName}";
    }
}
