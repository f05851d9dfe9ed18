using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using TacoMail.Schema.Table;

namespace TacoMail.Schema.Addresses;

/// <summary>
/// A domain (or subdomain) as stored in the table's <c>sub_domain</c> partition key: ASCII lower
/// case, internationalised labels in punycode, so that <c>bücher.example</c> and
/// <c>xn--bcher-kva.example</c> are the same key. Unicode input is accepted; it must be in
/// normalisation form C (what editors write) because this library runs with invariant
/// globalisation, where no Unicode normalisation is available. The name needs two labels, and
/// <c>tacomail-config</c> is rejected because it is the table's reserved configuration partition.
/// </summary>
public sealed record DomainName : IComparable<DomainName>
{
    /// <summary>The longest domain name in its ASCII form (RFC 1035, without the final dot).</summary>
    public const int MaxLength = 253;

    /// <summary>The longest label in its ASCII form.</summary>
    public const int MaxLabelLength = 63;

    private DomainName(string value, string unicode)
    {
        Value = value;
        Unicode = unicode;
    }

    /// <summary>The ASCII (punycode) lower-case form, e.g. <c>xn--bcher-kva.example</c>.</summary>
    public string Value { get; }

    /// <summary>The Unicode form for people, e.g. <c>bücher.example</c>.</summary>
    public string Unicode { get; }

    /// <summary>Validates and normalises <paramref name="text"/> (case folded, punycode encoded).</summary>
    public static bool TryParse(
        string? text,
        [NotNullWhen(true)] out DomainName? value,
        [NotNullWhen(false)] out AddressError? error)
    {
        value = null;
        error = CheckSyntax(text);
        if (error is not null)
        {
            return false;
        }

        var lower = text!.ToLowerInvariant();
        var mapping = new IdnMapping { UseStd3AsciiRules = true, AllowUnassigned = false };
        string ascii;
        string unicode;
        try
        {
            ascii = mapping.GetAscii(lower).ToLowerInvariant();
            unicode = mapping.GetUnicode(ascii);
        }
        catch (ArgumentException)
        {
            error = AddressError.Invalid(
                $"domain '{text}' is not a valid internationalised domain name; check its non-ASCII " +
                "characters and any 'xn--' labels");
            return false;
        }

        error = CheckAscii(text, ascii);
        if (error is not null)
        {
            return false;
        }

        value = new DomainName(ascii, unicode);
        return true;
    }

    /// <summary>Parses a domain the caller knows to be valid.</summary>
    /// <exception cref="FormatException"><paramref name="text"/> is not a valid domain name.</exception>
    public static DomainName Parse(string text) =>
        TryParse(text, out var value, out var error) ? value : throw new FormatException(error.Message);

    public static bool operator <(DomainName? left, DomainName? right) => Compare(left, right) < 0;

    public static bool operator <=(DomainName? left, DomainName? right) => Compare(left, right) <= 0;

    public static bool operator >(DomainName? left, DomainName? right) => Compare(left, right) > 0;

    public static bool operator >=(DomainName? left, DomainName? right) => Compare(left, right) >= 0;

    public int CompareTo(DomainName? other) => other is null ? 1 : string.CompareOrdinal(Value, other.Value);

    public override string ToString() => Value;

    private static AddressError? CheckSyntax(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return AddressError.Invalid("the domain is empty; write a name such as 'example.com'");
        }

        if (string.Equals(text, TableContract.ConfigPartition, StringComparison.OrdinalIgnoreCase))
        {
            return new AddressError(
                AddressErrorKind.Reserved,
                $"'{TableContract.ConfigPartition}' is reserved for TacoMail's own configuration items in the " +
                "table; use a real domain name such as 'example.com'");
        }

        if (text.Length > MaxLength)
        {
            return TooLong(text, text.Length);
        }

        if (text.EndsWith('.'))
        {
            var trimmed = text.TrimEnd('.');
            return AddressError.Invalid(
                $"domain '{text}' ends with a dot; write it without the final dot, e.g. '{trimmed}'",
                trimmed);
        }

        foreach (var c in text)
        {
            if (c is '@' or '_' or '/' or ':' || char.IsWhiteSpace(c) || char.IsControl(c) ||
                char.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.OtherNotAssigned)
            {
                return AddressError.Invalid(
                    $"domain '{text}' contains {AddressText.Describe(c)}; a domain has only letters, digits, " +
                    "hyphens and dots, e.g. 'mail.example.com'");
            }
        }

        foreach (var label in text.Split('.'))
        {
            if (label.Length == 0)
            {
                return AddressError.Invalid(
                    $"domain '{text}' has an empty label (a leading dot or two dots in a row); remove the extra dot");
            }

            if (label.StartsWith('-') || label.EndsWith('-'))
            {
                return AddressError.Invalid(
                    $"domain '{text}' has the label '{label}', which starts or ends with a hyphen; labels may " +
                    "only have hyphens inside");
            }

            if (label.All(char.IsAscii) && !label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                var bad = label.First(c => !char.IsAsciiLetterOrDigit(c) && c != '-');
                return AddressError.Invalid(
                    $"domain '{text}' contains {AddressText.Describe(bad)}; a domain has only letters, digits, " +
                    "hyphens and dots");
            }

            if (label.Length > MaxLabelLength)
            {
                return LabelTooLong(text, label.Length);
            }
        }

        return null;
    }

    private static AddressError? CheckAscii(string text, string ascii)
    {
        var labels = ascii.Split('.');
        if (labels.Length < 2)
        {
            return AddressError.Invalid(
                $"domain '{text}' has a single label; TacoMail needs a full domain name such as '{ascii}.example'");
        }

        var longLabel = labels.FirstOrDefault(label => label.Length > MaxLabelLength);
        if (longLabel is not null)
        {
            return LabelTooLong(text, longLabel.Length);
        }

        if (ascii.Length > MaxLength)
        {
            return TooLong(text, ascii.Length);
        }

        if (labels[^1].All(char.IsAsciiDigit))
        {
            return AddressError.Invalid(
                $"domain '{text}' ends in the all-numeric label '{labels[^1]}'; IP addresses are not domains, " +
                "use a domain name");
        }

        return null;
    }

    private static AddressError TooLong(string text, int length) =>
        AddressError.Invalid($"domain '{text}' is {length} characters long (in ASCII form); the limit is {MaxLength}");

    private static AddressError LabelTooLong(string text, int length) =>
        AddressError.Invalid(
            $"domain '{text}' has a label of {length} characters (in ASCII form); the limit is {MaxLabelLength}");

    private static int Compare(DomainName? left, DomainName? right) =>
        left is null ? (right is null ? 0 : -1) : left.CompareTo(right);
}
