using System.Globalization;
using TacoMail.Schema.Table;

namespace TacoMail.Reconciler.Rendering;

/// <summary>
/// Hides the mailbox behind a destination address (<c>me@gmail.com</c> becomes
/// <c>m***@gmail.com</c>) while keeping enough to recognise which destination changed. The
/// literal <c>S3</c> is not an address and is shown as it is.
/// </summary>
internal static class DestinationMask
{
    private const string Stars = "***";

    public static string Mask(string destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (destination == TableContract.S3Destination)
        {
            return destination;
        }

        var at = destination.LastIndexOf('@');
        if (at <= 0)
        {
            return Stars;
        }

        var first = StringInfo.GetNextTextElementLength(destination);
        return first >= at
            ? string.Concat(Stars, destination.AsSpan(at))
            : string.Concat(destination.AsSpan(0, first), Stars, destination.AsSpan(at));
    }
}
