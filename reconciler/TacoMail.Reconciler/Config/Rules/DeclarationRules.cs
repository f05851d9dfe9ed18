using TacoMail.Reconciler.Config.Sections;
using TacoMail.Reconciler.Config.Yaml;
using TacoMail.Reconciler.Diagnostics;
using TacoMail.Schema.Addresses;
using TacoMail.Schema.Routing;

namespace TacoMail.Reconciler.Config.Rules;

/// <summary>
/// Checks tacomail.yaml's domains, destinations, bounce sender, feedback address, separators,
/// policies and queue lifetime, and normalises them.
/// </summary>
internal static class DeclarationRules
{
    public static Declarations Check(MainSection? main, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (main is null)
        {
            return Declarations.Unknown;
        }

        var domains = main.Domains is null ? null : CheckDomains(main.Path, main.Domains, diagnostics);
        var bounceSender = CheckEmail(main.Path, main.BounceSender, "bounce_sender", diagnostics);
        var feedback = main.FeedbackAddress is { Value.Length: > 0 }
            ? CheckEmail(main.Path, main.FeedbackAddress, "feedback_address", diagnostics)
            : bounceSender;
        var feedbackNode = main.FeedbackAddress is { Value.Length: > 0 } ? main.FeedbackAddress : main.BounceSender;
        if (feedback is not null && domains is not null && feedbackNode is not null)
        {
            CheckFeedbackReceived(main.Path, feedbackNode, feedback, main.FeedbackAddress is null, domains, diagnostics);
        }

        return new Declarations(
            domains,
            main.Destinations is null ? null : CheckDestinations(main.Path, main.Destinations, domains, diagnostics),
            bounceSender?.ToString(),
            feedback?.ToString(),
            Separators(main.Separators),
            new MessagePolicy(
                MessagePolicyNames.TryParseSpamPolicy(main.SpamPolicy?.Value, out var spam) ? spam.Value : MessagePolicy.Default.Spam,
                MessagePolicyNames.TryParseBouncePolicy(main.BouncePolicy?.Value, out var bounce) ? bounce.Value : MessagePolicy.Default.Bounce),
            QueueLifetimeRule.Check(main.Path, main.QueueLifetime, diagnostics));
    }

    /// <summary>
    /// True when <paramref name="domain"/> is one of <paramref name="domains"/>: mail to it comes
    /// back to this configuration (both sides are punycode, lower case).
    /// </summary>
    public static bool IsReceived(DomainName domain, IReadOnlyList<DomainName> domains) =>
        domains.Any(d => string.Equals(d.Value, domain.Value, StringComparison.Ordinal));

    /// <summary>Rejected entries were reported by the schema; the default then stands in.</summary>
    private static SubAddressSeparators Separators(IReadOnlyList<SourceScalar>? written)
    {
        if (written is not { Count: > 0 } || written.Any(s => s.Value.Length == 0 || s.Value.Any(char.IsWhiteSpace)))
        {
            return SubAddressSeparators.Default;
        }

        return SubAddressSeparators.Of(written.Select(s => s.Value));
    }

    /// <summary>
    /// SES sends its bounce and complaint reports about forwards to the feedback address; on a
    /// domain this configuration does not receive, they would never reach the mailbox.
    /// </summary>
    private static void CheckFeedbackReceived(
        string path, SourceScalar node, EmailAddress feedback, bool defaulted, IReadOnlyList<DomainName> domains, DiagnosticBag diagnostics)
    {
        if (IsReceived(feedback.Domain, domains))
        {
            return;
        }

        var domainList = string.Join(", ", domains.Select(d => d.Unicode));
        diagnostics.Add(
            path,
            node,
            DiagnosticCodes.FeedbackAddressNotReceived,
            defaulted
                ? $"bounce_sender '{node.Value}' is also the feedback address (no feedback_address is set), but {feedback.Domain.Unicode} " +
                  $"is not one of the domains, so SES's bounce and complaint reports would never reach the mailbox; " +
                  $"set feedback_address to an address on {domainList}, or move bounce_sender there"
                : $"feedback_address '{node.Value}' is not on one of the domains, so SES's bounce and complaint reports would never " +
                  $"reach the mailbox; use an address on {domainList}");
    }

    private static List<DomainName> CheckDomains(string path, IReadOnlyList<SourceScalar> items, DiagnosticBag diagnostics)
    {
        var domains = new List<DomainName>();
        var first = new Dictionary<string, SourceScalar>(StringComparer.Ordinal);
        foreach (var item in items.Where(item => item.Value.Length > 0))
        {
            if (!DomainName.TryParse(item.Value, out var domain, out var error))
            {
                diagnostics.Add(path, item, AddressCodes.ForDomain(error), error.Message);
            }
            else if (first.TryGetValue(domain.Value, out var earlier))
            {
                diagnostics.Add(
                    path,
                    item,
                    DiagnosticCodes.DuplicateDomain,
                    $"domain '{item.Value}' is listed twice in domains (first on line {earlier.Line}" +
                    $"{(earlier.Value == item.Value ? string.Empty : $" as '{earlier.Value}'")}, both are '{domain.Value}'); " +
                    "remove this entry");
            }
            else
            {
                first.Add(domain.Value, item);
                domains.Add(domain);
            }
        }

        return domains;
    }

    private static List<DestinationAddress> CheckDestinations(
        string path, IReadOnlyList<SourceScalar> items, IReadOnlyList<DomainName>? domains, DiagnosticBag diagnostics)
    {
        var destinations = new List<DestinationAddress>();
        var first = new Dictionary<string, SourceScalar>(StringComparer.Ordinal);
        foreach (var item in items.Where(item => item.Value.Length > 0))
        {
            if (!DestinationAddress.TryParse(item.Value, out var destination, out var error))
            {
                diagnostics.Add(path, item, DiagnosticCodes.InvalidDestination, $"destinations: {error.Message}");
            }
            else if (first.TryGetValue(destination.Value, out var earlier))
            {
                diagnostics.Add(
                    path,
                    item,
                    DiagnosticCodes.DuplicateDestination,
                    $"destination '{item.Value}' is listed twice in destinations (first on line {earlier.Line}); remove this entry");
            }
            else
            {
                first.Add(destination.Value, item);
                destinations.Add(destination);
                if (domains is not null && destination.Email is { } email && IsReceived(email.Domain, domains))
                {
                    diagnostics.Add(path, item, DiagnosticCodes.DestinationLoop, LoopMessage($"destinations entry {destination}", email));
                }
            }
        }

        return destinations;
    }

    /// <summary>The TM048 message: <paramref name="what"/> names the destination and where it is used.</summary>
    public static string LoopMessage(string what, EmailAddress destination) =>
        $"{what} is itself an address this config receives ({destination.Domain.Unicode} is in domains): mail would loop; " +
        "use a mailbox outside your domains or S3";

    private static EmailAddress? CheckEmail(string path, SourceScalar? written, string label, DiagnosticBag diagnostics)
    {
        if (written is not { Value.Length: > 0 })
        {
            return null;
        }

        if (EmailAddress.TryParse(written.Value, out var address, out var error))
        {
            return address;
        }

        diagnostics.Add(path, written, DiagnosticCodes.InvalidDestination, $"{label}: {error.Message}");
        return null;
    }
}
