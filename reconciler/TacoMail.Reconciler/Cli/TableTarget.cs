using TacoMail.Reconciler.Config;
using TacoMail.Reconciler.Table;

namespace TacoMail.Reconciler.Cli;

/// <summary>
/// The table a command works on: its name and how to reach it, from the command line first and
/// <c>tacomail.yaml</c> second.
/// </summary>
internal sealed record TableTarget(string TableName, ConnectionOptions Connection)
{
    /// <exception cref="TacoMailException">No table name is given anywhere.</exception>
    public static TableTarget Resolve(CommonSettings settings, TacoMailConfig? config)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var name = settings.Table ?? config?.Table.Name
            ?? throw new TacoMailException("no table name: set table.name in tacomail.yaml or pass --table NAME");
        return new TableTarget(
            name,
            new ConnectionOptions(settings.Endpoint, settings.Region ?? config?.Table.Region, ConnectionOptions.DefaultStateDirectory));
    }
}
