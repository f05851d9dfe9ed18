namespace TacoMail.Schema.Addresses;

/// <summary>The character rules that local parts and e-mail addresses share (RFC 5322 dot-atom).</summary>
internal static class AddressText
{
    /// <summary>The longest local part SMTP allows (RFC 5321 section 4.5.3.1.1).</summary>
    public const int MaxLocalPartLength = 64;

    private const string AtextSymbols = "!#$%&'*+-/=?^_`{|}~";

    public static bool IsAtext(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') || AtextSymbols.Contains(c);

    /// <summary>Describes the first character that is neither atext nor a dot, or returns null.</summary>
    public static string? FindForbiddenCharacter(string text)
    {
        foreach (var c in text)
        {
            if (c != '.' && !IsAtext(c))
            {
                return Describe(c);
            }
        }

        return null;
    }

    /// <summary>True when dots only separate atoms: none leading, trailing or doubled.</summary>
    public static bool HasValidDots(string text) =>
        !text.StartsWith('.') && !text.EndsWith('.') && !text.Contains("..", StringComparison.Ordinal);

    public static string Describe(char c) => c switch
    {
        ' ' => "a space",
        '\t' => "a tab",
        _ when char.IsControl(c) || char.IsWhiteSpace(c) || c > '~' => $"'{c}' (U+{(int)c:X4})",
        _ => $"'{c}'",
    };
}
