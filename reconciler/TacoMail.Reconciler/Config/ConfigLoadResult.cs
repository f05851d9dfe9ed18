using TacoMail.Reconciler.Diagnostics;

namespace TacoMail.Reconciler.Config;

/// <summary>The outcome of <see cref="ConfigLoader.LoadAsync"/>.</summary>
/// <param name="Config">The desired state; null if and only if there is an error (warnings leave it built).</param>
/// <param name="Diagnostics">Every problem found, errors and warnings, ordered by path, line and column.</param>
internal sealed record ConfigLoadResult(TacoMailConfig? Config, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Succeeded => Config is not null;
}
