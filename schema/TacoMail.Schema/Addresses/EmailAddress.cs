using System.Diagnostics.CodeAnalysis;

namespace TacoMail.Schema.Addresses;

/// <summary>
/// A mailbox that mail is forwarded to or sent from (a destination, the bounce sender). Unlike
/// an alias's local part, the local part is kept as written (mailboxes may be case sensitive and
/// may use sub-addresses such as <c>me+tacomail</c>); the domain is normalised like
/// <see cref="DomainName"/>. Quoted local parts are not supported.
/// </summary>
public sealed record EmailAddress
{
    private EmailAddress(string localPart, DomainName domain)
    {
        LocalPart = localPart;
        Domain = domain;
    }

    public string LocalPart { get; }

    public DomainName Domain { get; }

    public static bool TryParse(
        string? text,
        [NotNullWhen(true)] out EmailAddress? value,
        [NotNullWhen(false)] out AddressError? error)
    {
        value = null;
        var at = text?.LastIndexOf('@') ?? -1;
        if (text is null || at < 0)
        {
            error = AddressError.Invalid(
                $"'{text}' is not an e-mail address; write it as name@domain, e.g. 'me@example.net'");
            return false;
        }

        var local = text[..at];
        error = CheckLocalPart(text, local);
        if (error is not null)
        {
            return false;
        }

        if (!DomainName.TryParse(text[(at + 1)..], out var domain, out var domainError))
        {
            error = AddressError.Invalid($"e-mail address '{text}' has an invalid domain: {domainError.Message}");
            return false;
        }

        value = new EmailAddress(local, domain);
        return true;
    }

    /// <summary>The normalised address: the local part as written, the domain in ASCII lower case.</summary>
    public override string ToString() => $"{LocalPart}@{Domain.Value}";

    private static AddressError? CheckLocalPart(string text, string local)
    {
        if (local.Length == 0)
        {
            return AddressError.Invalid($"e-mail address '{text}' has nothing before the '@'");
        }

        if (local.Length > AddressText.MaxLocalPartLength)
        {
            return AddressError.Invalid(
                $"e-mail address '{text}' has a local part of {local.Length} characters; the limit is {AddressText.MaxLocalPartLength}");
        }

        var forbidden = AddressText.FindForbiddenCharacter(local);
        if (forbidden is not null)
        {
            return AddressError.Invalid(
                $"e-mail address '{text}' contains {forbidden} before the '@'; quoted or unusual local parts are not supported");
        }

        return AddressText.HasValidDots(local)
            ? null
            : AddressError.Invalid($"e-mail address '{text}' has a leading, trailing or doubled dot before the '@'");
    }
}
