using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using TacoMail.Schema.Records;
using TacoMail.Schema.Settings;

namespace TacoMail.Reconciler.Planning;

/// <summary>Computes the per-item digests of a <see cref="PlanBasis"/>.</summary>
internal static class StateDigest
{
    /// <summary>The prefix of an expiry's entry in the desired digests: <c>expires shop@example.com</c>.</summary>
    public const string ExpiryPrefix = "expires ";

    /// <summary>
    /// The prefix of the entry present while an expiry is due: <c>expired shop@example.com</c>. Time
    /// alone adds it, so a stale plan can say that an expiry fell due rather than that the YAML changed.
    /// </summary>
    public const string DuePrefix = "expired ";

    /// <param name="desired">The YAML's state.</param>
    /// <param name="actual">The table's state.</param>
    /// <param name="now">When the plan is made: an expiry that falls due later makes the plan stale.</param>
    public static PlanBasis Of(DesiredState desired, ActualState actual, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(actual);
        var table = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var record in actual.Aliases.Values)
        {
            table[record.FullAddress] = Hash(
                record.Destination,
                record.State.ToString(),
                record.Identifier,
                record.CreatedDatetime.ToString(CultureInfo.InvariantCulture),
                record.ModifiedDatetime.ToString(CultureInfo.InvariantCulture),
                ((int)record.LegacyTraits).ToString(CultureInfo.InvariantCulture));
        }

        foreach (var config in actual.ConfigSets.Values)
        {
            table[config.Key.FullAddress] = Hash([.. config.Values, ((int)config.LegacyTraits).ToString(CultureInfo.InvariantCulture)]);
        }

        if (actual.Settings is { } settings)
        {
            table[SettingsItemCodec.Key.FullAddress] = Hash(Values(settings.Settings));
        }
        else if (actual.UnreadableSettings is { } unreadable)
        {
            table[SettingsItemCodec.Key.FullAddress] = Hash("unreadable", unreadable.Reason);
        }

        var wanted = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var spec in desired.Aliases.Values)
        {
            wanted[spec.Key.FullAddress] = Hash(spec.Destination, spec.State.ToString());
        }

        foreach (var expiry in desired.Expiries.Values)
        {
            wanted[$"{ExpiryPrefix}{expiry.Key.FullAddress}"] = Hash(expiry.At.ToString("O", CultureInfo.InvariantCulture), expiry.Then.ToString());
            if (expiry.IsDueAt(now))
            {
                wanted[$"{DuePrefix}{expiry.Key.FullAddress}"] = Hash("due");
            }
        }

        foreach (var rename in desired.Renames)
        {
            wanted[$"moved {rename.From.FullAddress}"] = Hash(rename.To.FullAddress);
        }

        wanted["domains"] = Hash([.. desired.SubDomains]);
        wanted["destinations"] = Hash([.. desired.Destinations]);
        if (desired.Settings is { } declared)
        {
            wanted["settings"] = Hash(Values(declared));
        }

        return new PlanBasis(table.ToImmutable(), wanted.ToImmutable());
    }

    /// <summary>
    /// A digest of the changes themselves: a saved plan is applied only if planning again gives
    /// the very same changes (it will, unless the inputs or the tacomail version differ).
    /// </summary>
    public static string OfChanges(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var parts = new List<string>();
        foreach (var change in plan.ConfigChanges)
        {
            parts.Add($"{change.Action}|{change.Kind}|{string.Join(',', change.Before ?? [])}|{string.Join(',', change.After)}");
        }

        if (plan.Settings is { } settings)
        {
            parts.Add($"{settings.Action}|settings|{settings.UnreadableReason}|"
                + string.Join(';', settings.Attributes.Select(a => $"{a.Name}={a.Before}>{a.After}")));
        }

        foreach (var change in plan.AliasChanges)
        {
            (string? From, string? Identifier) origin = change switch
            {
                AliasCreate => (null, null),
                AliasUpdate update => (null, update.Before.Identifier),
                AliasShapeFix fix => (null, fix.Before.Identifier),
                AliasRename rename => (rename.From.FullAddress, rename.Before.Identifier),
                AliasDelete delete => (null, delete.Before.Identifier),
                _ => throw new ArgumentOutOfRangeException(nameof(plan), change, "Unknown alias change."),
            };
            parts.Add($"{change.Action}|{change.Key}|{origin.From}|{origin.Identifier}|"
                + string.Join(';', change.Attributes.Select(a => $"{a.Name}={a.Before}>{a.After}")));
        }

        return Hash([.. parts]);
    }

    private static string[] Values(DeclaredSettings settings) =>
        [.. SettingsAttributes.Of(settings).Select(s => $"{s.Name}={s.Value ?? "(absent)"}")];

    private static string Hash(params string[] parts)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', parts)));
        return Convert.ToHexStringLower(bytes.AsSpan(0, 8));
    }
}
