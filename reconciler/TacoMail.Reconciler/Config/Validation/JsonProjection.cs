using System.Globalization;
using System.Numerics;
using Newtonsoft.Json.Linq;
using TacoMail.Reconciler.Config.Yaml;

namespace TacoMail.Reconciler.Config.Validation;

/// <summary>
/// The JSON view of a YAML tree that the JSON schema validates, plus the way back: every token
/// (and every property, for errors about a key) maps to the YAML node it was made from, by
/// reference, so a schema error can name the exact line and column.
/// </summary>
internal sealed class JsonProjection
{
    private readonly Dictionary<JToken, SourceNode> _nodes = new(ReferenceEqualityComparer.Instance);

    private JsonProjection(SourceNode root) => Root = Convert(root);

    public JToken Root { get; }

    public static JsonProjection Create(SourceNode root)
    {
        ArgumentNullException.ThrowIfNull(root);
        return new JsonProjection(root);
    }

    /// <summary>The YAML node of <paramref name="token"/>; for a <see cref="JProperty"/>, its key.</summary>
    public SourceNode? Find(JToken? token) =>
        token is not null && _nodes.TryGetValue(token, out var node) ? node : null;

    private JToken Convert(SourceNode node)
    {
        JToken token = node switch
        {
            SourceScalar scalar => ToValue(scalar),
            SourceMapping mapping => ToObject(mapping),
            SourceSequence sequence => new JArray(sequence.Items.Select(Convert)),
            _ => throw new ArgumentOutOfRangeException(nameof(node)),
        };
        _nodes.Add(token, node);
        return token;
    }

    private JObject ToObject(SourceMapping mapping)
    {
        var result = new JObject();
        foreach (var entry in mapping.Entries)
        {
            var property = new JProperty(entry.Key.Value, Convert(entry.Value));
            _nodes.Add(property, entry.Key);
            result.Add(property);
        }

        return result;
    }

    private static JValue ToValue(SourceScalar scalar) => scalar.Kind switch
    {
        ScalarKind.Null => JValue.CreateNull(),
        ScalarKind.Boolean => new JValue(scalar.Value[0] is 't' or 'T'),
        ScalarKind.Integer => ToInteger(scalar.Value),
        ScalarKind.Float => new JValue(ToDouble(scalar.Value)),
        _ => new JValue(scalar.Value),
    };

    private static JValue ToInteger(string text)
    {
        var value = text switch
        {
            _ when text.StartsWith("0x", StringComparison.Ordinal) =>
                BigInteger.Parse("0" + text[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture),
            _ when text.StartsWith("0o", StringComparison.Ordinal) =>
                text[2..].Aggregate(BigInteger.Zero, (total, digit) => (total * 8) + (digit - '0')),
            _ => BigInteger.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
        };
        return value >= long.MinValue && value <= long.MaxValue ? new JValue((long)value) : new JValue((double)value);
    }

    private static double ToDouble(string text) => text.TrimStart('+', '-').ToLowerInvariant() switch
    {
        ".inf" => text.StartsWith('-') ? double.NegativeInfinity : double.PositiveInfinity,
        ".nan" => double.NaN,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };
}
