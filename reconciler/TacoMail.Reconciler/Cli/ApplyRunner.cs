using Spectre.Console;
using TacoMail.Reconciler.Planning;
using TacoMail.Reconciler.Table.Locking;
using TacoMail.Reconciler.Table.Writing;

namespace TacoMail.Reconciler.Cli;

/// <summary>
/// Runs an apply with progress shown as it goes — a progress bar on a terminal, a line per tenth
/// in CI logs for large applies — and reports what was done, also when it fails midway. Every
/// write is fenced by the lease, so a lapsed lock stops the apply.
/// </summary>
internal sealed class ApplyRunner(IAnsiConsole console)
{
    private const int LoggedProgressThreshold = 500;

    public async Task<int> RunAsync(PlanApplier applier, Plan plan, LockLease lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(applier);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(lease);
        try
        {
            var result = console.Profile.Capabilities.Interactive
                ? await console.Progress().StartAsync(async context =>
                {
                    var task = context.AddTask("applying", maxValue: plan.ChangeCount);
                    return await applier.ApplyAsync(plan, lease, new InlineProgress<ApplyProgress>(p => task.Value = p.Done), cancellationToken);
                })
                : await applier.ApplyAsync(plan, lease, LoggedProgress(plan), cancellationToken);
            console.MarkupLineInterpolated($"[green]Apply complete:[/] {result.Describe()}.");
            return ExitCodes.Ok;
        }
        catch (ApplyFailedException failure)
        {
            var fenced = lease.IsLost || failure.InnerException is FenceLapsedException;
            var cause = lease.IsLost ? $"the table lock was lost ({lease.LostReason})" : failure.InnerException?.Message ?? failure.Message;
            console.MarkupLineInterpolated($"[red]Apply {(failure.WasCancelled && !lease.IsLost ? "cancelled" : "failed")}[/] after {failure.Partial.Total} of {failure.Planned} changes: {cause}");
            if (fenced)
            {
                console.MarkupLine("Nothing more was written once the lock was in doubt: no change beyond those below was made.");
            }

            console.MarkupLineInterpolated($"Already done: {failure.Partial.Describe()}.");
            console.MarkupLine("Run [bold]tacomail apply[/] again: it reads the table afresh and finishes the rest.");
            return ExitCodes.Error;
        }
    }

    private InlineProgress<ApplyProgress>? LoggedProgress(Plan plan)
    {
        var total = plan.ChangeCount;
        if (total < LoggedProgressThreshold)
        {
            return null;
        }

        var step = Math.Max(1, total / 10);
        var lastReported = 0;
        return new InlineProgress<ApplyProgress>(p =>
        {
            if (p.Done - lastReported >= step || p.Done == total)
            {
                lastReported = p.Done;
                console.WriteLine($"applied {p.Done:N0} of {total:N0} changes");
            }
        });
    }
}
