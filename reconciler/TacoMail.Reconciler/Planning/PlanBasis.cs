using System.Collections.Immutable;

namespace TacoMail.Reconciler.Planning;

/// <summary>
/// What a plan was computed from, as per-item digests of both sides, so that applying a saved plan
/// can tell whether the table or the YAML changed since — and say which addresses did. The
/// Lambda-owned <c>use_count</c> is left out: mail arriving between plan and apply does not make
/// a plan stale.
/// </summary>
/// <param name="Table">Digest of each item read from the table, by address.</param>
/// <param name="Desired">Digest of each desired alias, rename and configuration set, by name.</param>
internal sealed record PlanBasis(
    ImmutableSortedDictionary<string, string> Table,
    ImmutableSortedDictionary<string, string> Desired);
