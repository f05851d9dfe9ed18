using TacoMail.Reconciler.Diagnostics;
using TacoMail.Schema.Addresses;

namespace TacoMail.Reconciler.Config.Rules;

/// <summary>Maps the address library's error kinds to diagnostic codes, so each kind of fix has its own code.</summary>
internal static class AddressCodes
{
    public static string ForLocalPart(AddressError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Kind switch
        {
            AddressErrorKind.SubAddressSeparator => DiagnosticCodes.SubAddressSeparator,
            AddressErrorKind.UpperCase => DiagnosticCodes.UpperCaseLocalPart,
            _ => DiagnosticCodes.InvalidLocalPart,
        };
    }

    public static string ForDomain(AddressError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Kind == AddressErrorKind.Reserved ? DiagnosticCodes.ReservedName : DiagnosticCodes.InvalidDomain;
    }
}
