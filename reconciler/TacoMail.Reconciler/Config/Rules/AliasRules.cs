using TacoMail.Reconciler.Config.Sections;
using TacoMail.Reconciler.Config.Yaml;
using TacoMail.Reconciler.Diagnostics;
using TacoMail.Schema.Addresses;
using TacoMail.Schema.Replies;

namespace TacoMail.Reconciler.Config.Rules;

/// <summary>
/// Checks the domain and aliases of every domain file against tacomail.yaml, resolves each
/// alias's destination, state and expiry, and remembers every declared address (across files) to catch
/// duplicates and to check moves.
/// </summary>
internal sealed class AliasRules
{
    private const string DestinationLabel = "destination";
    private const string DefaultDestinationLabel = "default_destination";

    private readonly Declarations _declarations;
    private readonly DiagnosticBag _diagnostics;
    private readonly DateTimeOffset _now;
    private readonly Dictionary<AliasAddress, SourceLocation> _declared = [];
    private readonly List<DesiredAlias> _aliases = [];

    /// <param name="declarations">What tacomail.yaml declares.</param>
    /// <param name="diagnostics">Where errors and warnings go.</param>
    /// <param name="now">The time of the load, for the warning about an expiry that has passed.</param>
    public AliasRules(Declarations declarations, DiagnosticBag diagnostics, DateTimeOffset now)
    {
        _declarations = declarations;
        _diagnostics = diagnostics;
        _now = now;
    }

    /// <summary>Every address declared so far, with where it was first declared.</summary>
    public IReadOnlyDictionary<AliasAddress, SourceLocation> Declared => _declared;

    /// <summary>The aliases that passed every rule, in the order checked.</summary>
    public IReadOnlyList<DesiredAlias> Aliases => _aliases;

    /// <summary>Checks one domain file; returns its domain when valid (for resolving its moves).</summary>
    public DomainName? Check(DomainSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var domain = CheckDomain(section);
        var owner = domain is null ? "this file" : $"domain {domain.Unicode}";
        var defaultDestination = CheckDestination(section.Path, section.DefaultDestination, DefaultDestinationLabel, owner);
        foreach (var alias in section.Aliases)
        {
            CheckAlias(section, domain, defaultDestination, alias);
        }

        return domain;
    }

    private DomainName? CheckDomain(DomainSection section)
    {
        if (section.Domain is not { Value.Length: > 0 } written)
        {
            return null;
        }

        if (!DomainName.TryParse(written.Value, out var domain, out var error))
        {
            _diagnostics.Add(section.Path, written, AddressCodes.ForDomain(error), error.Message);
            return null;
        }

        if (_declarations.Domains is { } declared && !declared.Contains(domain))
        {
            var hint = ClosestMatch.Hint(written.Value, declared.SelectMany(d => new[] { d.Unicode, d.Value }));
            _diagnostics.Add(
                section.Path,
                written,
                DiagnosticCodes.UndeclaredDomain,
                $"domain '{written.Value}' is not declared in tacomail.yaml domains; add it there or fix the typo{hint}");
        }

        return domain;
    }

    private void CheckAlias(DomainSection section, DomainName? domain, DestinationAddress? defaultDestination, AliasEntry alias)
    {
        var location = new SourceLocation(section.Path, alias.Key.Line, alias.Key.Column);
        if (!LocalPart.TryParse(alias.Key.Value, out var localPart, out var error))
        {
            _diagnostics.Add(section.Path, alias.Key, AddressCodes.ForLocalPart(error), error.Message);
        }
        else if (ReverseAddress.IsReverseForm(localPart.Value))
        {
            _diagnostics.Add(section.Path, alias.Key, DiagnosticCodes.ReverseAddressForm, ReverseFormMessage($"alias '{localPart}'"));
        }

        var address = domain is not null && localPart is not null ? new AliasAddress(domain, localPart) : null;
        var isDuplicate = address is not null && IsDuplicate(address, location);
        if (!alias.IsComplete)
        {
            return;
        }

        var name = address is not null ? $"alias {address}" : $"alias '{alias.Key.Value}'";
        var expiry = ExpiryRule.Check(section.Path, alias, name, _now, _diagnostics);
        DestinationAddress? destination;
        if (alias.Destination is not null)
        {
            destination = CheckDestination(section.Path, alias.Destination, DestinationLabel, name);
        }
        else if (!section.HasDefaultDestinationKey)
        {
            _diagnostics.Add(
                section.Path,
                alias.Key,
                DiagnosticCodes.NoDestination,
                $"alias '{alias.Key.Value}' has no destination and this file has no default_destination; " +
                "add 'destination: …' to the alias or 'default_destination: …' to the file");
            return;
        }
        else
        {
            destination = defaultDestination;
        }

        if (address is not null && destination is not null && !isDuplicate)
        {
            _aliases.Add(new DesiredAlias(address, destination.Value, alias.State, location, expiry));
        }
    }

    /// <summary>Why <paramref name="what"/> cannot have the reverse form, and the fix.</summary>
    public static string ReverseFormMessage(string what) =>
        $"{what} has the form TacoMail reserves for reverse addresses ({ReverseAddress.Prefix} followed by {ReverseAddress.TokenLength} " +
        "letters a–z and digits 2–7), so mail to it would be taken for a reply and never reach an alias; choose another name";

    private bool IsDuplicate(AliasAddress address, SourceLocation location)
    {
        if (!_declared.TryGetValue(address, out var first))
        {
            _declared.Add(address, location);
            return false;
        }

        _diagnostics.Add(
            location.Path,
            location.Line,
            location.Column,
            DiagnosticCodes.DuplicateAddress,
            $"address '{address}' is already declared at {first.ReferenceFrom(location.Path)}; an address is declared once, " +
            "remove one of the two");
        return true;
    }

    /// <summary>Checks one destination; <paramref name="owner"/> names what uses it (an alias or a domain) for the loop message.</summary>
    private DestinationAddress? CheckDestination(string path, SourceScalar? written, string label, string owner)
    {
        if (written is not { Value.Length: > 0 })
        {
            return null;
        }

        if (!DestinationAddress.TryParse(written.Value, out var destination, out var error))
        {
            _diagnostics.Add(path, written, DiagnosticCodes.InvalidDestination, $"{label}: {error.Message}");
            return null;
        }

        if (_declarations.Destinations is { } declared && !declared.Contains(destination))
        {
            var hint = ClosestMatch.Hint(written.Value, declared.Select(d => d.Value));
            _diagnostics.Add(
                path,
                written,
                DiagnosticCodes.UndeclaredDestination,
                $"{label} '{written.Value}' is not declared in tacomail.yaml destinations; add it there or fix the typo{hint}");
        }

        if (_declarations.Domains is { } domains && destination.Email is { } email && DeclarationRules.IsReceived(email.Domain, domains))
        {
            _diagnostics.Add(
                path, written, DiagnosticCodes.DestinationLoop, DeclarationRules.LoopMessage($"{label} {destination} of {owner}", email));
        }

        return destination;
    }
}
