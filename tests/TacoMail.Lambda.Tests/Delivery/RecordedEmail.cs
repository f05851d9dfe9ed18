namespace TacoMail.Lambda.Tests.Delivery;

/// <summary>A forward as the fake sender received it, the message read in full.</summary>
internal sealed record RecordedEmail(string From, string To, byte[] Message, string? FeedbackAddress = null)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Message);
}
