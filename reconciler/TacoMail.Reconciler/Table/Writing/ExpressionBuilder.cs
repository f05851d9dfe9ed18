using Amazon.DynamoDBv2.Model;

namespace TacoMail.Reconciler.Table.Writing;

/// <summary>
/// Collects the placeholders of one DynamoDB expression. Every attribute name goes through a
/// <c>#name</c> placeholder, so no contract name can collide with DynamoDB's reserved words.
/// </summary>
internal sealed class ExpressionBuilder
{
    private readonly Dictionary<string, string> _placeholders = new(StringComparer.Ordinal);

    public Dictionary<string, string> Names { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, AttributeValue> Values { get; } = new(StringComparer.Ordinal);

    /// <summary>The placeholder for <paramref name="attribute"/> (the same one each time).</summary>
    public string Name(string attribute)
    {
        ArgumentException.ThrowIfNullOrEmpty(attribute);
        if (!_placeholders.TryGetValue(attribute, out var placeholder))
        {
            placeholder = $"#a{_placeholders.Count}";
            _placeholders[attribute] = placeholder;
            Names[placeholder] = attribute;
        }

        return placeholder;
    }

    /// <summary>A new placeholder holding <paramref name="value"/>.</summary>
    public string Value(AttributeValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var placeholder = $":v{Values.Count}";
        Values[placeholder] = value;
        return placeholder;
    }

    public string Equal(string attribute, AttributeValue value) => $"{Name(attribute)} = {Value(value)}";

    public string Missing(string attribute) => $"attribute_not_exists({Name(attribute)})";

    /// <summary><c>SET a = :v, b = :w</c> for the given assignments.</summary>
    public string Set(IEnumerable<KeyValuePair<string, AttributeValue>> assignments) =>
        "SET " + string.Join(", ", assignments.Select(a => Equal(a.Key, a.Value)));
}
