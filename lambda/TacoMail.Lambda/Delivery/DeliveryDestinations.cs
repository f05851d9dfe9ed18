using TacoMail.Schema.Addresses;

namespace TacoMail.Lambda.Delivery;

/// <summary>The kinds of destination as reports and logs name them (the address itself is not logged).</summary>
internal static class DeliveryDestinations
{
    public const string Email = "email";
    public const string S3 = "S3";

    public static string Of(DestinationAddress destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        return destination.IsS3 ? S3 : Email;
    }
}
