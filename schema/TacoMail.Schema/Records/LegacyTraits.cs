namespace TacoMail.Schema.Records;

/// <summary>
/// How a decoded item differs from the canonical shape the codec writes. Items written by the
/// earlier API version or by hand are read leniently; these flags let the planner propose a
/// rewrite to the canonical shape instead of silently living with the difference.
/// </summary>
[Flags]
public enum LegacyTraits
{
    /// <summary>The item is exactly in the canonical shape.</summary>
    None = 0,

    /// <summary><c>application</c> is missing or is not the string <c>tacomail</c>.</summary>
    Application = 1 << 0,

    /// <summary><c>full_address</c> is missing or disagrees with the keys (the keys win).</summary>
    FullAddress = 1 << 1,

    /// <summary><c>active_alias</c> is missing and was read as true.</summary>
    ActiveAliasMissing = 1 << 2,

    /// <summary><c>ignore_alias</c> is missing and was read as false.</summary>
    IgnoreAliasMissing = 1 << 3,

    /// <summary>
    /// <c>use_count</c> is missing and was read as 0. The Lambda owns this attribute and its
    /// <c>ADD</c> creates it, so a rewrite need not set it.
    /// </summary>
    UseCountMissing = 1 << 4,

    /// <summary>A flag is stored as a string (<c>"true"</c>) or a number (1/0) instead of BOOL.</summary>
    BooleanNotBool = 1 << 5,

    /// <summary>A number is stored as a string instead of N.</summary>
    NumberAsString = 1 << 6,

    /// <summary>A number had a fraction, which was truncated.</summary>
    NumberWithFraction = 1 << 7,

    /// <summary>Disabled with <c>ignore_alias</c> true; canonical disabled items store false.</summary>
    IgnoredWhileDisabled = 1 << 8,

    /// <summary>A configuration item carries the legacy attribute <c>configValues</c>.</summary>
    LegacyConfigValues = 1 << 9,

    /// <summary>A configuration item stores its values as a list instead of a string set.</summary>
    ConfigValueAsList = 1 << 10,
}
