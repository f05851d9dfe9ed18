using System.Globalization;
using Amazon.DynamoDBv2.Model;
using TacoMail.Schema.Routing;
using TacoMail.Schema.Settings;
using TacoMail.Schema.Table;

namespace TacoMail.Schema.Records;

/// <summary>
/// Converts between <see cref="DeclaredSettings"/> and the settings item (<c>tacomail-config</c>,
/// <c>settings</c>). An attribute that is missing reads as its default, so an item written by an
/// older reconciler stays readable; one that is present but wrong makes the whole item
/// unreadable, and a handler then falls back to <see cref="RoutingSettings.Fallback"/>.
/// </summary>
public static class SettingsItemCodec
{
    /// <summary>The key of the settings item.</summary>
    public static ItemKey Key { get; } = new(TableContract.ConfigPartition, TableContract.ConfigSettingsKey);

    /// <summary>Every attribute the item may hold besides its key, for projections.</summary>
    public static IReadOnlyList<string> AttributeNames { get; } =
    [
        TableContract.BounceSender,
        TableContract.FeedbackAddress,
        TableContract.SubAddressSeparators,
        TableContract.BouncePolicy,
        TableContract.SpamPolicy,
        TableContract.QueueLifetimeSeconds,
        TableContract.SafetyMinAliases,
        TableContract.SafetyMaxDeletePercent,
        TableContract.SafetyMaxDisablePercent,
    ];

    /// <summary>The full, canonical item for <paramref name="settings"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="settings"/> is null.</exception>
    public static Dictionary<string, AttributeValue> Encode(DeclaredSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var routing = settings.Routing;
        var item = ItemKeyCodec.Encode(Key);
        if (routing.BounceSender is { } bounceSender)
        {
            item[TableContract.BounceSender] = new AttributeValue { S = bounceSender };
        }

        if (routing.FeedbackAddress is { } feedback)
        {
            item[TableContract.FeedbackAddress] = new AttributeValue { S = feedback };
        }

        item[TableContract.SubAddressSeparators] = new AttributeValue
        {
            L = [.. routing.Separators.Values.Select(v => new AttributeValue { S = v })],
        };
        item[TableContract.BouncePolicy] = new AttributeValue { S = routing.Policy.Bounce.ToName() };
        item[TableContract.SpamPolicy] = new AttributeValue { S = routing.Policy.Spam.ToName() };
        item[TableContract.QueueLifetimeSeconds] = Number((decimal)routing.QueueLifetime.TotalSeconds);
        item[TableContract.SafetyMinAliases] = Number(settings.Safety.MinAliases);
        item[TableContract.SafetyMaxDeletePercent] = Number(settings.Safety.MaxDeletePercent);
        item[TableContract.SafetyMaxDisablePercent] = Number(settings.Safety.MaxDisablePercent);
        return item;
    }

    /// <summary>The settings held by <paramref name="item"/>, or a reason naming the attribute at fault.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="item"/> is null.</exception>
    public static DecodeResult<DeclaredSettings> Decode(IReadOnlyDictionary<string, AttributeValue> item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var reader = new ItemReader(item);
        if (reader.ReadKey() is not { } key)
        {
            return DecodeResult<DeclaredSettings>.Failure(reader.Reason);
        }

        if (key != Key)
        {
            reader.Problem($"is not the settings item ('{TableContract.ConfigPartition}', '{TableContract.ConfigSettingsKey}')");
            return DecodeResult<DeclaredSettings>.Failure(reader.Reason);
        }

        var defaults = SafetyThresholds.Default;
        var routing = new RoutingSettings(
            OptionalString(reader, TableContract.BounceSender),
            OptionalString(reader, TableContract.FeedbackAddress),
            Separators(reader),
            new MessagePolicy(
                Word(reader, TableContract.SpamPolicy, MessagePolicy.Default.Spam, MessagePolicyNames.TryParseSpamPolicy),
                Word(reader, TableContract.BouncePolicy, MessagePolicy.Default.Bounce, MessagePolicyNames.TryParseBouncePolicy)))
        {
            QueueLifetime = TimeSpan.FromSeconds((double)Decimal(
                reader, TableContract.QueueLifetimeSeconds, (decimal)RoutingSettings.DefaultQueueLifetime.TotalSeconds, MaxQueueLifetimeSeconds)),
        };
        var safety = new SafetyThresholds(
            (int)Decimal(reader, TableContract.SafetyMinAliases, defaults.MinAliases, int.MaxValue),
            Decimal(reader, TableContract.SafetyMaxDeletePercent, defaults.MaxDeletePercent, 100),
            Decimal(reader, TableContract.SafetyMaxDisablePercent, defaults.MaxDisablePercent, 100));
        return reader.HasProblems
            ? DecodeResult<DeclaredSettings>.Failure(reader.Reason)
            : DecodeResult<DeclaredSettings>.Success(new DeclaredSettings(routing, safety));
    }

    /// <summary>Postfix caps its queue lifetime at 100 days; so does TacoMail.</summary>
    private const decimal MaxQueueLifetimeSeconds = 100 * 24 * 3600;

    private static AttributeValue Number(decimal value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    private static string? OptionalString(ItemReader reader, string name)
    {
        if (!reader.TryGet(name, out var value))
        {
            return null;
        }

        if (value.S is { Length: > 0 } text)
        {
            return text;
        }

        reader.Problem($"attribute '{name}' is not a non-empty string");
        return null;
    }

    private static SubAddressSeparators Separators(ItemReader reader)
    {
        if (!reader.TryGet(TableContract.SubAddressSeparators, out var value))
        {
            return SubAddressSeparators.Default;
        }

        if (value.L is { Count: > 0 } list && list.TrueForAll(e => e?.S is { Length: > 0 }))
        {
            return SubAddressSeparators.Of(list.Select(e => e.S));
        }

        reader.Problem($"attribute '{TableContract.SubAddressSeparators}' is not a non-empty list of strings");
        return SubAddressSeparators.Default;
    }

    private delegate bool WordParser<T>(string? text, out T? value)
        where T : struct;

    private static T Word<T>(ItemReader reader, string name, T fallback, WordParser<T> parse)
        where T : struct
    {
        if (!reader.TryGet(name, out var value))
        {
            return fallback;
        }

        if (parse(value.S, out var parsed))
        {
            return parsed!.Value;
        }

        reader.Problem($"attribute '{name}' is not a known policy");
        return fallback;
    }

    private static decimal Decimal(ItemReader reader, string name, decimal fallback, decimal max)
    {
        if (!reader.TryGet(name, out var value))
        {
            return fallback;
        }

        if (decimal.TryParse(value.N, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number >= 0 && number <= max)
        {
            return number;
        }

        reader.Problem($"attribute '{name}' is not a number from 0 to {max.ToString(CultureInfo.InvariantCulture)}");
        return fallback;
    }
}
