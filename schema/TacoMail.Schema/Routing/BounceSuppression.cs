namespace TacoMail.Schema.Routing;

/// <summary>Why a due bounce is withheld, or <see cref="None"/> when it may be sent.</summary>
public enum BounceSuppression
{
    /// <summary>The bounce may be sent.</summary>
    None,

    /// <summary>Policy <c>authenticated</c> and the sender did not authenticate (likely forged).</summary>
    SenderNotAuthenticated,

    /// <summary>Policy <c>never</c>.</summary>
    PolicyNever,
}
