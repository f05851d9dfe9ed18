namespace TacoMail.Schema.Addresses;

/// <summary>
/// Why a text is not a valid address part. Callers map the kind to their own error codes, so a
/// separator or an upper-case letter can be reported with its own fix.
/// </summary>
public enum AddressErrorKind
{
    /// <summary>The text breaks the syntax (empty, too long, a forbidden character or dot).</summary>
    Invalid,

    /// <summary>A local part has upper-case letters; local parts are stored in lower case.</summary>
    UpperCase,

    /// <summary>A local part contains a sub-address separator (<c>+</c>, <c>#</c>, <c>=</c> or <c>--</c>).</summary>
    SubAddressSeparator,

    /// <summary>The name is reserved by TacoMail (<c>tacomail-config</c>).</summary>
    Reserved,
}
