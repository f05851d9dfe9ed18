namespace TacoMail.Schema.Routing;

/// <summary>Why a due bounce is withheld, or <see cref="None"/> when it may be sent.</summary>
public enum BounceSuppression
{
    /// <summary>The bounce may be sent.</summary>
    None,

    /// <summary>Policy <c>authenticated</c> and SPF did not pass or DMARC failed (the envelope sender may be forged).</summary>
    SenderNotAuthenticated,

    /// <summary>Policy <c>never</c>.</summary>
    PolicyNever,

    /// <summary>The null reverse path <c>&lt;&gt;</c>: the message is itself a bounce or notification.</summary>
    NullSender,

    /// <summary>The sender is <c>MAILER-DAEMON</c> or <c>postmaster</c>: a bounce would start a loop between daemons.</summary>
    DaemonSender,

    /// <summary><c>Auto-Submitted</c> other than <c>no</c> (RFC 3834).</summary>
    AutoSubmitted,

    /// <summary><c>Precedence: bulk</c>, <c>junk</c> or <c>list</c>.</summary>
    BulkPrecedence,

    /// <summary>A <c>List-Id</c> field: mailing-list traffic.</summary>
    MailingList,
}
