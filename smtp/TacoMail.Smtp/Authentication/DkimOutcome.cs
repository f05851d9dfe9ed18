using TacoMail.Schema.Routing;

namespace TacoMail.Smtp.Authentication;

/// <summary>The DKIM verdict and the <c>d=</c> domains whose signatures passed, which DMARC aligns with the author.</summary>
internal sealed record DkimOutcome(VerdictStatus Verdict, IReadOnlyList<string> PassingDomains);
