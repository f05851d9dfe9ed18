namespace TacoMail.Schema.Model;

/// <summary>
/// What an alias does with mail. Stored as two booleans (<c>active_alias</c>,
/// <c>ignore_alias</c>); an item with active false is <see cref="Disabled"/> whatever its
/// ignore flag says, because bounce wins.
/// </summary>
public enum AliasState
{
    /// <summary>Mail is delivered to the destination.</summary>
    Active,

    /// <summary>Mail is accepted and silently dropped.</summary>
    Paused,

    /// <summary>Mail is bounced.</summary>
    Disabled,
}
