using TacoMail.Schema.Records;
using TacoMail.Schema.Settings;

namespace TacoMail.Reconciler.Routing;

/// <summary>
/// What <c>tacomail route</c> read from the table: the items of the lookup's candidate keys that
/// exist, and the settings item (null when absent or unreadable, with <see cref="SettingsProblem"/>
/// saying which).
/// </summary>
internal sealed record RouteTable(
    IReadOnlyDictionary<ItemKey, AliasRecord> Items,
    DeclaredSettings? Settings,
    string? SettingsProblem);
