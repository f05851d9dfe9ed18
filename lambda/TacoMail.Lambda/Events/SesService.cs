namespace TacoMail.Lambda.Events;

/// <summary>The <c>ses</c> object of a record: the message's metadata and SES's receipt of it.</summary>
internal sealed record SesService
{
    public SesMail? Mail { get; init; }

    public SesReceipt? Receipt { get; init; }
}
