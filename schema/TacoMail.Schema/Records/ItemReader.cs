using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Amazon.DynamoDBv2.Model;
using TacoMail.Schema.Table;

namespace TacoMail.Schema.Records;

/// <summary>
/// Reads attributes of one item leniently, collecting every problem (instead of throwing) and
/// every tolerated difference from the canonical shape. One instance per item.
/// </summary>
internal sealed class ItemReader
{
    private const string Unknown = "?";

    private readonly IReadOnlyDictionary<string, AttributeValue> _item;
    private readonly List<string> _problems = [];

    public ItemReader(IReadOnlyDictionary<string, AttributeValue> item)
    {
        _item = item;
        Label = $"item ({KeyText(TableContract.SubDomain)}, {KeyText(TableContract.AliasAddress)})";
    }

    /// <summary><c>item (sub_domain, alias_address)</c>, with <c>?</c> for an unreadable key.</summary>
    public string Label { get; }

    public LegacyTraits Traits { get; private set; }

    public bool HasProblems => _problems.Count > 0;

    public string Reason => $"{Label}: {string.Join("; ", _problems)}";

    public void Note(LegacyTraits trait) => Traits |= trait;

    public void Problem(string text) => _problems.Add(text);

    /// <summary>The value of <paramref name="name"/>; a missing or NULL attribute counts as absent.</summary>
    public bool TryGet(string name, [NotNullWhen(true)] out AttributeValue? value)
    {
        if (_item.TryGetValue(name, out var found) && found is not null && found.NULL != true)
        {
            value = found;
            return true;
        }

        value = null;
        return false;
    }

    public bool Contains(string name) => _item.ContainsKey(name);

    /// <summary>Both key attributes, or null (with problems) when either is unreadable.</summary>
    public ItemKey? ReadKey()
    {
        var subDomain = RequiredString(TableContract.SubDomain);
        var localPart = RequiredString(TableContract.AliasAddress);
        return subDomain is null || localPart is null ? null : new ItemKey(subDomain, localPart);
    }

    /// <summary>A non-empty S attribute, or null (with a problem).</summary>
    public string? RequiredString(string name)
    {
        if (!TryGet(name, out var value))
        {
            Problem(Attribute(name, "is missing"));
            return null;
        }

        if (value.S is null)
        {
            Problem(Attribute(name, "is not a string"));
            return null;
        }

        if (value.S.Length == 0)
        {
            Problem(Attribute(name, "is empty"));
            return null;
        }

        return value.S;
    }

    /// <summary>An S attribute that is only compared, never trusted: null when absent or not S.</summary>
    public string? OptionalString(string name) => TryGet(name, out var value) ? value.S : null;

    /// <summary>A flag stored as BOOL, as S <c>true</c>/<c>false</c> (any case), or as N 1/0.</summary>
    public bool Boolean(string name, bool whenMissing, LegacyTraits missingTrait)
    {
        if (!TryGet(name, out var value))
        {
            Note(missingTrait);
            return whenMissing;
        }

        if (value.BOOL is { } stored)
        {
            return stored;
        }

        bool? lenient = value switch
        {
            { S: { } text } when bool.TryParse(text, out var parsed) => parsed,
            { N: { } number } when IsNumber(number, 1m) => true,
            { N: { } number } when IsNumber(number, 0m) => false,
            _ => null,
        };

        if (lenient is null)
        {
            Problem(Attribute(name, "is not a boolean"));
            return whenMissing;
        }

        Note(LegacyTraits.BooleanNotBool);
        return lenient.Value;
    }

    /// <summary>A required whole number; see <see cref="Number(string, long, LegacyTraits)"/>.</summary>
    public long RequiredNumber(string name)
    {
        if (!TryGet(name, out var value))
        {
            Problem(Attribute(name, "is missing"));
            return 0;
        }

        return Number(name, value);
    }

    /// <summary>A whole number stored as N or as S digits; a fraction is truncated.</summary>
    public long Number(string name, long whenMissing, LegacyTraits missingTrait)
    {
        if (!TryGet(name, out var value))
        {
            Note(missingTrait);
            return whenMissing;
        }

        return Number(name, value);
    }

    /// <summary>A whole number that may be absent (null), with no legacy trait: absence is not a shape to fix.</summary>
    public long? OptionalNumber(string name) => TryGet(name, out var value) ? Number(name, value) : null;

    private long Number(string name, AttributeValue value)
    {
        var text = value.N;
        if (text is null && value.S is not null)
        {
            text = value.S;
            Note(LegacyTraits.NumberAsString);
        }

        if (text is null)
        {
            Problem(Attribute(name, "is not a number"));
            return 0;
        }

        if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            var tooLarge = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var approximate)
                && double.IsFinite(approximate);
            Problem(Attribute(name, tooLarge ? "is out of range" : "is not a number"));
            return 0;
        }

        var whole = decimal.Truncate(number);
        if (whole is < long.MinValue or > long.MaxValue)
        {
            Problem(Attribute(name, "is out of range"));
            return 0;
        }

        if (whole != number)
        {
            Note(LegacyTraits.NumberWithFraction);
        }

        return (long)whole;
    }

    private static bool IsNumber(string text, decimal expected) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number == expected;

    private static string Attribute(string name, string problem) => $"attribute '{name}' {problem}";

    private string KeyText(string name) =>
        TryGet(name, out var value) && !string.IsNullOrEmpty(value.S) ? value.S : Unknown;
}
