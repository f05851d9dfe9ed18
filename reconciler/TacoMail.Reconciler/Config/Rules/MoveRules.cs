using TacoMail.Reconciler.Config.Sections;
using TacoMail.Reconciler.Config.Yaml;
using TacoMail.Reconciler.Diagnostics;
using TacoMail.Schema.Addresses;
using TacoMail.Schema.Replies;

namespace TacoMail.Reconciler.Config.Rules;

/// <summary>
/// Checks the <c>moved</c> entries of all files together: a rename needs a declared target, a
/// source that is gone, one entry per source and target, and exactly one step (no chains or
/// cycles), otherwise applying it would be ambiguous.
/// </summary>
internal sealed class MoveRules
{
    private const string Arrow = " -> ";
    private const string FromRole = "from";
    private const string ToRole = "to";

    private readonly IReadOnlyDictionary<AliasAddress, SourceLocation> _declared;
    private readonly DiagnosticBag _diagnostics;

    public MoveRules(IReadOnlyDictionary<AliasAddress, SourceLocation> declared, DiagnosticBag diagnostics)
    {
        _declared = declared;
        _diagnostics = diagnostics;
    }

    /// <summary>Checks every file's moves; returns the valid ones ordered by the old address.</summary>
    public IReadOnlyList<AliasMove> Check(IReadOnlyList<(DomainSection Section, DomainName? Domain)> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var resolved = new List<ResolvedMove>();
        foreach (var (section, domain) in files)
        {
            foreach (var entry in section.Moves)
            {
                var from = Resolve(section.Path, entry.From, domain, FromRole);
                var to = Resolve(section.Path, entry.To, domain, ToRole);
                if (from is not null && to is not null)
                {
                    resolved.Add(new ResolvedMove(from, to, entry, section.Path));
                }
            }
        }

        var unique = RemoveDuplicates(resolved);
        var linked = CheckChains(unique);
        var valid = new List<AliasMove>();
        foreach (var move in unique.Where(move => !linked.Contains(move)))
        {
            if (CheckDeclarations(move))
            {
                valid.Add(new AliasMove(move.From, move.To, move.Location));
            }
        }

        return [.. valid.OrderBy(move => move.From)];
    }

    private AliasAddress? Resolve(string path, SourceScalar written, DomainName? fileDomain, string role)
    {
        var at = written.Value.LastIndexOf('@');
        if (!LocalPart.TryParse(at < 0 ? written.Value : written.Value[..at], out var localPart, out var error))
        {
            _diagnostics.Add(path, written, AddressCodes.ForLocalPart(error), $"moved {role}: {error.Message}");
            return null;
        }

        // An old alias of the reserved form may be renamed away from it, but not to it.
        if (role == ToRole && ReverseAddress.IsReverseForm(localPart.Value))
        {
            _diagnostics.Add(path, written, DiagnosticCodes.ReverseAddressForm, AliasRules.ReverseFormMessage($"moved to '{written.Value}', which"));
            return null;
        }

        var domain = fileDomain;
        if (at >= 0 && !DomainName.TryParse(written.Value[(at + 1)..], out domain, out error))
        {
            _diagnostics.Add(path, written, AddressCodes.ForDomain(error), $"moved {role}: {error.Message}");
            return null;
        }

        return domain is null ? null : new AliasAddress(domain, localPart);
    }

    private List<ResolvedMove> RemoveDuplicates(List<ResolvedMove> moves)
    {
        var bySource = new Dictionary<AliasAddress, ResolvedMove>();
        var byTarget = new Dictionary<AliasAddress, ResolvedMove>();
        var unique = new List<ResolvedMove>();
        foreach (var move in moves)
        {
            if (bySource.TryGetValue(move.From, out var earlier))
            {
                _diagnostics.Add(
                    move.Path,
                    move.Entry.From,
                    DiagnosticCodes.DuplicateMoveSource,
                    $"'{move.From}' is already moved at {earlier.ReferenceFrom(move.Path)}; an address can be moved only once, remove one of the entries");
            }
            else if (byTarget.TryGetValue(move.To, out earlier))
            {
                _diagnostics.Add(
                    move.Path,
                    move.Entry.To,
                    DiagnosticCodes.DuplicateMoveTarget,
                    $"'{move.To}' is already the target of the move at {earlier.ReferenceFrom(move.Path)}; only one old address can be " +
                    "renamed to it, remove one of the entries");
            }
            else
            {
                bySource.Add(move.From, move);
                byTarget.Add(move.To, move);
                unique.Add(move);
            }
        }

        return unique;
    }

    /// <summary>
    /// Sources and targets are unique here, so the moves form disjoint paths and cycles: a path of
    /// two or more moves is a chain. Reports each chain and cycle once; returns the moves in them.
    /// </summary>
    private HashSet<ResolvedMove> CheckChains(List<ResolvedMove> moves)
    {
        var bySource = moves.ToDictionary(move => move.From);
        var targets = moves.Select(move => move.To).ToHashSet();
        var linked = new HashSet<ResolvedMove>();
        foreach (var start in moves.Where(move => !targets.Contains(move.From)))
        {
            var path = Follow(start, bySource);
            if (path.Count > 1)
            {
                var addresses = path.Select(move => move.From).Append(path[^1].To);
                _diagnostics.Add(
                    path[1].Path,
                    path[1].Entry.From,
                    DiagnosticCodes.MoveChain,
                    $"moves form a chain {string.Join(Arrow, addresses)}; a rename happens in one step, so replace " +
                    $"them with one entry from '{path[0].From}' to '{path[^1].To}'");
                linked.UnionWith(path);
            }
        }

        foreach (var start in moves.Where(move => !linked.Contains(move)).ToList())
        {
            if (linked.Contains(start) || !targets.Contains(start.From))
            {
                continue;
            }

            var cycle = Follow(start, bySource);
            var message = cycle.Count == 1
                ? $"moves '{start.From}' to itself; remove this entry"
                : $"moves form a cycle {string.Join(Arrow, cycle.Select(move => move.From).Append(start.From))}; " +
                  "remove these entries (a rename cannot end where it started)";
            _diagnostics.Add(start.Path, start.Entry.From, DiagnosticCodes.MoveChain, message);
            linked.UnionWith(cycle);
        }

        return linked;
    }

    private static List<ResolvedMove> Follow(ResolvedMove start, Dictionary<AliasAddress, ResolvedMove> bySource)
    {
        var path = new List<ResolvedMove> { start };
        while (bySource.TryGetValue(path[^1].To, out var next) && !path.Contains(next))
        {
            path.Add(next);
        }

        return path;
    }

    private bool CheckDeclarations(ResolvedMove move)
    {
        var isValid = true;
        if (!_declared.ContainsKey(move.To))
        {
            var hint = ClosestMatch.Hint(
                move.To.ToString(),
                _declared.Keys.Where(address => address.Domain == move.To.Domain).Select(address => address.ToString()));
            _diagnostics.Add(
                move.Path,
                move.Entry.To,
                DiagnosticCodes.MoveTargetUndeclared,
                $"moved to '{move.To}', which is not declared as an alias{hint}; declare it under aliases or fix the 'to' address");
            isValid = false;
        }

        if (_declared.TryGetValue(move.From, out var stillDeclared))
        {
            _diagnostics.Add(
                move.Path,
                move.Entry.From,
                DiagnosticCodes.MoveSourceStillDeclared,
                $"moved from '{move.From}', which is still declared at {stillDeclared.ReferenceFrom(move.Path)}; " +
                "a move renames an address that is gone, so remove that alias or this entry");
            isValid = false;
        }

        return isValid;
    }
}
