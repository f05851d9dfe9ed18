using Spectre.Console;
using TacoMail.Reconciler.Cli;

namespace TacoMail.Reconciler.Mailbox;

/// <summary>
/// What <c>tacomail fetch</c> shows while it works: a progress bar on a terminal, one line per
/// message otherwise (logs of a scheduled run say what arrived), failures always, then a summary.
/// </summary>
internal sealed class FetchConsole(IAnsiConsole console, string maildirText)
{
    public async Task<FetchResult> RunAsync(MailboxFetcher fetcher, MailboxListing listing, int parallelism, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fetcher);
        ArgumentNullException.ThrowIfNull(listing);
        if (!console.Profile.Capabilities.Interactive || listing.Messages.IsEmpty)
        {
            var lines = new InlineProgress<FetchProgress>(done => PrintLine(done, everyMessage: true));
            return await fetcher.FetchAsync(listing, parallelism, lines, cancellationToken).ConfigureAwait(false);
        }

        return await console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var total = listing.Messages.Length;
                var task = context.AddTask(Describe(0, total), maxValue: Math.Max(1, listing.TotalBytes));
                var handled = 0;
                var bar = new InlineProgress<FetchProgress>(done =>
                {
                    task.Increment(done.Message.Size);
                    task.Description = Describe(++handled, total);
                    PrintLine(done, everyMessage: false);
                });
                return await fetcher.FetchAsync(listing, parallelism, bar, cancellationToken).ConfigureAwait(false);
            })
            .ConfigureAwait(false);
    }

    public void PrintSummary(MailboxListing listing, FetchResult result, string prefix)
    {
        ArgumentNullException.ThrowIfNull(listing);
        ArgumentNullException.ThrowIfNull(result);
        console.MarkupLineInterpolated(
            $"[green]fetched[/] {ByteSize.Messages(result.Fetched)} ({ByteSize.Format(result.BytesFetched)}) into {maildirText}");
        if (result.AlreadyPresent > 0)
        {
            console.MarkupLineInterpolated(
                $"removed {ByteSize.Messages(result.AlreadyPresent)} from S3 that {maildirText} already had (an earlier run was interrupted)");
        }

        if (listing.Ignored > 0)
        {
            console.MarkupLineInterpolated(
                $"[grey]left {listing.Ignored} other objects under '{prefix}' alone (not <domain>/<alias>/new/<name>)[/]");
        }

        var notFetched = result.Failures.Count(f => !f.Delivered);
        if (notFetched > 0)
        {
            console.MarkupLineInterpolated(
                $"[red]{ByteSize.Messages(notFetched)} could not be fetched (left in S3)[/]; fix the cause above and run 'tacomail fetch' again");
        }

        var notDeleted = result.Failures.Length - notFetched;
        if (notDeleted > 0)
        {
            console.MarkupLineInterpolated(
                $"[yellow]{ByteSize.Messages(notDeleted)} already in {maildirText} could not be deleted from S3[/]; the next run deletes without fetching again");
        }

        if (result.Interrupted)
        {
            var left = listing.Messages.Length - result.Fetched - result.AlreadyPresent - notFetched;
            console.MarkupLineInterpolated(
                $"[yellow]interrupted[/]: {ByteSize.Messages(left)} not fetched yet; run 'tacomail fetch' again (nothing is lost or fetched twice)");
        }
    }

    private void PrintLine(FetchProgress done, bool everyMessage)
    {
        var message = done.Message;
        switch (done.Outcome)
        {
            case FetchOutcome.Fetched when everyMessage:
                console.MarkupLineInterpolated($"[grey]new/{message.Name}[/] for {message.Address} ({ByteSize.Format(done.BytesDelivered)})");
                break;
            case FetchOutcome.AlreadyPresent when everyMessage:
                console.MarkupLineInterpolated($"[grey]{message.Name}[/] for {message.Address} was already in {maildirText}; deleted from S3");
                break;
            case FetchOutcome.Failed:
                console.MarkupLineInterpolated($"[red]failed[/] {message.Key}: {done.Error} (it stays in S3)");
                break;
            case FetchOutcome.NotDeleted:
                console.MarkupLineInterpolated($"[yellow]not deleted[/] {message.Key}: {done.Error} (it is in {maildirText}; the next run deletes it)");
                break;
            default:
                break;
        }
    }

    private static string Describe(int handled, int total) => $"fetching {handled}/{total}";
}
