namespace TacoMail.Schema.Routing;

/// <summary>What happens to mail for one recipient.</summary>
public enum Disposition
{
    /// <summary>Delivered to the alias's destination.</summary>
    Deliver,

    /// <summary>Accepted and silently dropped.</summary>
    Drop,

    /// <summary>Refused with a bounce to the sender.</summary>
    Bounce,
}
