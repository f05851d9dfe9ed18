using TacoMail.Reconciler.Config.Sections;
using TacoMail.Reconciler.Config.Yaml;
using TacoMail.Reconciler.Diagnostics;
using TacoMail.Schema.Addresses;

namespace TacoMail.Reconciler.Config.Rules;

/// <summary>Checks tacomail.yaml's domains, destinations and bounce sender, and normalises them.</summary>
internal static class DeclarationRules
{
    public static Declarations Check(MainSection? main, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (main is null)
        {
            return Declarations.Unknown;
        }

        return new Declarations(
            main.Domains is null ? null : CheckDomains(main.Path, main.Domains, diagnostics),
            main.Destinations is null ? null : CheckDestinations(main.Path, main.Destinations, diagnostics),
            CheckBounceSender(main.Path, main.BounceSender, diagnostics));
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
        string path, IReadOnlyList<SourceScalar> items, DiagnosticBag diagnostics)
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
            }
        }

        return destinations;
    }

    private static string? CheckBounceSender(string path, SourceScalar? sender, DiagnosticBag diagnostics)
    {
        if (sender is not { Value.Length: > 0 })
        {
            return null;
        }

        if (EmailAddress.TryParse(sender.Value, out var address, out var error))
        {
            return address.ToString();
        }

        diagnostics.Add(path, sender, DiagnosticCodes.InvalidDestination, $"bounce_sender: {error.Message}");
        return null;
    }
}
