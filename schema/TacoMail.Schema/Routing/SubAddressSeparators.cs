using System.Collections.Immutable;

namespace TacoMail.Schema.Routing;

/// <summary>
/// The strings that start a sub-address (<c>shop+promo@example.com</c> reaches <c>shop</c>).
/// The default matches the old Postfix server's <c>recipient_delimiter = +-#=</c> with the hyphen
/// doubled, because single hyphens are common inside local parts (<c>old-bank</c>).
/// </summary>
public sealed record SubAddressSeparators
{
    private SubAddressSeparators(ImmutableArray<string> values) => Values = values;

    public static SubAddressSeparators Default { get; } = new(["+", "--", "#", "="]);

    public ImmutableArray<string> Values { get; }

    /// <summary>Parses a comma-separated list such as <c>+,--,#,=</c>.</summary>
    /// <exception cref="FormatException">The list is empty or holds an empty or whitespace entry.</exception>
    public static SubAddressSeparators Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var values = text.Split(',').Select(v => v.Trim()).ToImmutableArray();
        if (values.IsEmpty || values.Any(string.IsNullOrEmpty))
        {
            throw new FormatException($"'{text}' is not a list of sub-address separators; write them comma-separated, e.g. '+,--,#,='.");
        }

        return new SubAddressSeparators(values);
    }

    /// <summary>The separators in <paramref name="values"/>, in order.</summary>
    /// <exception cref="FormatException">The list is empty or holds an empty or whitespace entry.</exception>
    public static SubAddressSeparators Of(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var list = values.ToImmutableArray();
        if (list.IsEmpty || list.Any(string.IsNullOrWhiteSpace))
        {
            throw new FormatException("Sub-address separators must be a non-empty list of non-empty strings, e.g. [\"+\", \"--\"].");
        }

        return new SubAddressSeparators(list);
    }

    /// <summary>Where the first separator starts in <paramref name="localPart"/>, or -1.</summary>
    public int IndexIn(string localPart)
    {
        ArgumentNullException.ThrowIfNull(localPart);
        var first = -1;
        foreach (var separator in Values)
        {
            var index = localPart.IndexOf(separator, StringComparison.Ordinal);
            if (index >= 0 && (first < 0 || index < first))
            {
                first = index;
            }
        }

        return first;
    }

    /// <summary>Equal when the same separators stand in the same order.</summary>
    public bool Equals(SubAddressSeparators? other) => other is not null && Values.SequenceEqual(other.Values, StringComparer.Ordinal);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());

    public override string ToString() => string.Join(',', Values);
}
