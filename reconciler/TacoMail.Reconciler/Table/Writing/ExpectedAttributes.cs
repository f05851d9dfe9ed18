using Amazon.DynamoDBv2.Model;

namespace TacoMail.Reconciler.Table.Writing;

/// <summary>
/// The condition "the item still holds what was read": each listed attribute equal to a value,
/// or absent. Built from a decoded record on the first attempt (best effort for legacy shapes)
/// and from the raw item after a re-read (exact, whatever types it holds).
/// </summary>
internal sealed class ExpectedAttributes
{
    private readonly List<(string Name, AttributeValue? Value)> _expected = [];

    public ExpectedAttributes Equal(string name, AttributeValue value)
    {
        _expected.Add((name, value));
        return this;
    }

    public ExpectedAttributes Missing(string name)
    {
        _expected.Add((name, null));
        return this;
    }

    /// <summary>
    /// Expects <paramref name="name"/> exactly as <paramref name="item"/> holds it: the same scalar,
    /// or absent. A NULL or non-scalar value cannot be compared and is left unconditioned.
    /// </summary>
    public ExpectedAttributes AsRead(IReadOnlyDictionary<string, AttributeValue> item, string name)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (!item.TryGetValue(name, out var value) || value is null)
        {
            return Missing(name);
        }

        return value.S is not null || value.N is not null || value.BOOL is not null ? Equal(name, value) : this;
    }

    /// <summary>The condition expression, its placeholders added to <paramref name="expressions"/>.</summary>
    public string ToCondition(ExpressionBuilder expressions)
    {
        ArgumentNullException.ThrowIfNull(expressions);
        return string.Join(" AND ", _expected.Select(e => e.Value is null ? expressions.Missing(e.Name) : expressions.Equal(e.Name, e.Value)));
    }
}
