namespace TacoMail.Schema.Addresses;

/// <summary>
/// The reason a text was rejected by an address factory: returned rather than thrown, so that a
/// validator can collect every problem of a configuration in one run.
/// </summary>
/// <param name="Kind">The category of the problem.</param>
/// <param name="Message">A sentence saying what is wrong and how to fix it.</param>
/// <param name="Suggestion">A corrected value when one is obvious (e.g. the lower-case form).</param>
public sealed record AddressError(AddressErrorKind Kind, string Message, string? Suggestion = null)
{
    internal static AddressError Invalid(string message, string? suggestion = null) =>
        new(AddressErrorKind.Invalid, message, suggestion);
}
