namespace TacoMail.Lambda.Hosting;

/// <summary>The handler names of the one binary (Lambda's <c>_HANDLER</c>, <c>invoke --handler</c>).</summary>
internal static class HandlerNames
{
    /// <summary>The SES receipt rule's RequestResponse action: deliver, drop or bounce.</summary>
    public const string Disposition = "disposition";

    /// <summary>The rule's Event action after the S3 store: forward or file the message.</summary>
    public const string Delivery = "delivery";

    /// <summary>Every name served, for help and for "unknown handler" messages.</summary>
    public static IReadOnlyList<string> All { get; } = [Delivery, Disposition];
}
