namespace TacoMail.Lambda.Events;

/// <summary>One message header as SES lists it. Values are the sender's text: never logged.</summary>
internal sealed record SesHeader
{
    public string? Name { get; init; }

    public string? Value { get; init; }
}
