using System.Diagnostics.CodeAnalysis;
using TacoMail.Schema.Table;

namespace TacoMail.Schema.Addresses;

/// <summary>
/// Where an alias's mail goes, as stored in the table's <c>destination</c> attribute: an e-mail
/// address (forwarded) or the literal <c>S3</c> (kept in the mailbox bucket). Normalised so that
/// the same mailbox written twice compares equal.
/// </summary>
public sealed record DestinationAddress
{
    private DestinationAddress(string value, EmailAddress? email)
    {
        Value = value;
        Email = email;
    }

    /// <summary>The <c>S3</c> destination.</summary>
    public static DestinationAddress S3 { get; } = new(TableContract.S3Destination, null);

    /// <summary>The normalised text: the e-mail address (domain in ASCII lower case) or <c>S3</c>.</summary>
    public string Value { get; }

    /// <summary>The e-mail address, or null for <see cref="S3"/>.</summary>
    public EmailAddress? Email { get; }

    public bool IsS3 => Email is null;

    public static bool TryParse(
        string? text,
        [NotNullWhen(true)] out DestinationAddress? value,
        [NotNullWhen(false)] out AddressError? error)
    {
        value = null;
        if (string.Equals(text, TableContract.S3Destination, StringComparison.Ordinal))
        {
            value = S3;
            error = null;
            return true;
        }

        if (string.Equals(text, TableContract.S3Destination, StringComparison.OrdinalIgnoreCase))
        {
            error = AddressError.Invalid(
                $"'{text}' is not a destination; the mailbox bucket is written '{TableContract.S3Destination}' in upper case",
                TableContract.S3Destination);
            return false;
        }

        if (text is null || !text.Contains('@', StringComparison.Ordinal))
        {
            error = AddressError.Invalid(
                $"'{text}' is neither an e-mail address (name@domain) nor the literal '{TableContract.S3Destination}'");
            return false;
        }

        if (!EmailAddress.TryParse(text, out var email, out error))
        {
            return false;
        }

        value = new DestinationAddress(email.ToString(), email);
        return true;
    }

    public override string ToString() => Value;
}
