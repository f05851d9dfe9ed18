namespace TacoMail.Smtp.Delivery;

/// <summary>How one hand-over to the smarthost went.</summary>
internal enum RelayOutcome
{
    /// <summary>The smarthost accepted the message (250 after DATA): it is its responsibility now.</summary>
    Sent,

    /// <summary>A 4xx reply, or the smarthost could not be reached or timed out: tried again later.</summary>
    Deferred,

    /// <summary>A 5xx reply: the smarthost refused the message for good.</summary>
    Rejected,
}
