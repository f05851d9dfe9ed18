using Spectre.Console;
using TacoMail.Reconciler.Planning;
using TacoMail.Reconciler.Table.Locking;
using TacoMail.Reconciler.Table.Writing;

namespace TacoMail.Reconciler.Cli;

/// <summary>
/// Runs an apply with progress shown as it goes — a progress bar on a terminal, a line per tenth
/// in CI logs for large applies — and reports what was done, also when it fails midway.
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
                    return await applier.ApplyAsync(plan, new InlineProgress<ApplyProgress>(p => task.Value = p.Done), cancellationToken);
                })
                : await applier.ApplyAsync(plan, LoggedProgress(plan), cancellationToken);
            console.MarkupLineInterpolated($"[green]Apply complete:[/] {result.Describe()}.");
            return ExitCodes.Ok;
        }
        catch (ApplyFailedException failure)
        {
            var cause = lease.IsLost ? $"the table lock was lost ({lease.LostReason})" : failure.InnerException?.Message ?? failure.Message;
            console.MarkupLineInterpolated($"[red]Apply {(failure.WasCancelled && !lease.IsLost ? "cancelled" : "failed")}[/] after {failure.Partial.Total} of {failure.Planned} changes: {cause}");
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
