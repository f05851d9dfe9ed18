using TacoMail.Reconciler.Diagnostics;

namespace TacoMail.Reconciler.Config;

/// <summary>The outcome of <see cref="ConfigLoader.LoadAsync"/>.</summary>
/// <param name="Config">The desired state; null if and only if there are diagnostics.</param>
/// <param name="Diagnostics">Every problem found, ordered by path, line and column.</param>
internal sealed record ConfigLoadResult(TacoMailConfig? Config, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Succeeded => Config is not null;
}
