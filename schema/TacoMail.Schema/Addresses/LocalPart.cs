using System.Buffers;
using System.Diagnostics.CodeAnalysis;

namespace TacoMail.Schema.Addresses;

/// <summary>
/// The part of an alias address before the <c>@</c>, as stored in the table's
/// <c>alias_address</c> sort key: a lower-case dot-atom (RFC 5322 atext) of at most 64
/// characters without the sub-address separators <c>+</c>, <c>#</c>, <c>=</c> and <c>--</c>,
/// because the Lambda strips everything from a separator on before it looks an alias up: an
/// alias containing one could never receive mail. Only <see cref="TryParse"/> creates one, so an
/// invalid local part cannot exist.
/// </summary>
public sealed record LocalPart : IComparable<LocalPart>
{
    private const string SeparatorCharacters = "+#=";
    private const string DoubleHyphen = "--";

    private static readonly SearchValues<char> Separators = SearchValues.Create(SeparatorCharacters);

    private LocalPart(string value) => Value = value;

    /// <summary>The lower-case local part.</summary>
    public string Value { get; }

    /// <summary>Validates <paramref name="text"/> without changing it (upper case is an error, not folded).</summary>
    public static bool TryParse(
        string? text,
        [NotNullWhen(true)] out LocalPart? value,
        [NotNullWhen(false)] out AddressError? error)
    {
        value = null;
        error = Check(text);
        if (error is not null)
        {
            return false;
        }

        value = new LocalPart(text!);
        return true;
    }

    /// <summary>Parses a local part the caller knows to be valid.</summary>
    /// <exception cref="FormatException"><paramref name="text"/> is not a valid local part.</exception>
    public static LocalPart Parse(string text) =>
        TryParse(text, out var value, out var error) ? value : throw new FormatException(error.Message);

    public static bool operator <(LocalPart? left, LocalPart? right) => Compare(left, right) < 0;

    public static bool operator <=(LocalPart? left, LocalPart? right) => Compare(left, right) <= 0;

    public static bool operator >(LocalPart? left, LocalPart? right) => Compare(left, right) > 0;

    public static bool operator >=(LocalPart? left, LocalPart? right) => Compare(left, right) >= 0;

    public int CompareTo(LocalPart? other) => other is null ? 1 : string.CompareOrdinal(Value, other.Value);

    public override string ToString() => Value;

    private static AddressError? Check(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return AddressError.Invalid("the local part is empty; write the name before the '@', e.g. 'shop'");
        }

        if (text.Length > AddressText.MaxLocalPartLength)
        {
            return AddressError.Invalid(
                $"local part '{text}' is {text.Length} characters long; the limit is {AddressText.MaxLocalPartLength}");
        }

        var forbidden = AddressText.FindForbiddenCharacter(text);
        if (forbidden is not null)
        {
            return AddressError.Invalid(
                $"local part '{text}' contains {forbidden}; use only lower-case letters, digits, '.', '-', '_' " +
                "and ! $ % & ' * / ? ^ ` { | } ~");
        }

        if (!AddressText.HasValidDots(text))
        {
            return AddressError.Invalid(
                $"local part '{text}' has a leading, trailing or doubled dot; dots may only separate words, e.g. 'first.last'");
        }

        var separator = FindSeparator(text);
        if (separator is not null)
        {
            var suggestion = SuggestWithoutSeparators(text);
            return new AddressError(
                AddressErrorKind.SubAddressSeparator,
                $"local part '{text}' contains the sub-address separator '{separator}': mail to " +
                $"'{text}' would be delivered to the part before it, so this alias can never receive mail; " +
                "choose a name without '+', '#', '=' or '--'" + (suggestion is null ? string.Empty : $" (e.g. '{suggestion}')"),
                suggestion);
        }

        if (text.Any(char.IsAsciiLetterUpper))
        {
            var lower = text.ToLowerInvariant();
            return new AddressError(
                AddressErrorKind.UpperCase,
                $"local part '{text}' has upper-case letters; aliases are matched in lower case, write '{lower}'",
                lower);
        }

        return null;
    }

    private static string? FindSeparator(string text)
    {
        var index = text.AsSpan().IndexOfAny(Separators);
        var hyphens = text.IndexOf(DoubleHyphen, StringComparison.Ordinal);
        if (index < 0 && hyphens < 0)
        {
            return null;
        }

        return hyphens >= 0 && (index < 0 || hyphens < index) ? DoubleHyphen : text[index].ToString();
    }

    private static string? SuggestWithoutSeparators(string text)
    {
        var replaced = text.ToLowerInvariant();
        while (replaced.Contains(DoubleHyphen, StringComparison.Ordinal))
        {
            replaced = replaced.Replace(DoubleHyphen, "-", StringComparison.Ordinal);
        }

        foreach (var separator in SeparatorCharacters)
        {
            replaced = replaced.Replace(separator, '-');
        }

        while (replaced.Contains(DoubleHyphen, StringComparison.Ordinal))
        {
            replaced = replaced.Replace(DoubleHyphen, "-", StringComparison.Ordinal);
        }

        return Check(replaced) is null ? replaced : null;
    }

    private static int Compare(LocalPart? left, LocalPart? right) =>
        left is null ? (right is null ? 0 : -1) : left.CompareTo(right);
}
