using System.Globalization;

namespace TacoMail.Lambda.Ses;

/// <summary>
/// The parameters of SES v1 <c>SendBounce</c>: every recipient as a numbered
/// <c>BouncedRecipientInfoList.member.N</c> (from 1) with the request's BounceType
/// (<c>DoesNotExist</c>, what a disabled or unknown alias is to the sender, unless it says otherwise).
/// </summary>
internal static class SendBounceForm
{
    public const string Action = "SendBounce";

    /// <exception cref="ArgumentException">A required value is empty, or there is no recipient.</exception>
    public static IReadOnlyList<KeyValuePair<string, string>> Fields(BounceRequest request, string? explanation = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.OriginalMessageId, nameof(request));
        ArgumentException.ThrowIfNullOrWhiteSpace(request.BounceSender, nameof(request));
        ArgumentNullException.ThrowIfNull(request.Recipients, nameof(request));
        if (request.Recipients.Count == 0)
        {
            throw new ArgumentException("A bounce needs at least one recipient.", nameof(request));
        }

        var fields = new List<KeyValuePair<string, string>>
        {
            new("Action", Action),
            new("Version", SesQueryForm.Version),
            new("OriginalMessageId", request.OriginalMessageId),
            new("BounceSender", request.BounceSender),
        };
        if ((request.Explanation ?? explanation) is { Length: > 0 } text && !string.IsNullOrWhiteSpace(text))
        {
            fields.Add(new("Explanation", text));
        }

        for (var i = 0; i < request.Recipients.Count; i++)
        {
            var recipient = request.Recipients[i];
            ArgumentException.ThrowIfNullOrWhiteSpace(recipient, nameof(request));
            var prefix = string.Create(CultureInfo.InvariantCulture, $"BouncedRecipientInfoList.member.{i + 1}.");
            fields.Add(new(prefix + "Recipient", recipient));
            fields.Add(new(prefix + "BounceType", request.BounceType));
        }

        return fields;
    }
}
