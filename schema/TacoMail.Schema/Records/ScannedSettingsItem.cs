using TacoMail.Schema.Settings;

namespace TacoMail.Schema.Records;

/// <summary>The settings item (<c>tacomail-config</c>, <c>settings</c>) that decoded cleanly.</summary>
public sealed record ScannedSettingsItem(DeclaredSettings Settings) : ScannedItem;
