using TacoMail.MailPath.Storage;
using TacoMail.Schema.Mailbox;

namespace TacoMail.Reconciler.Mailbox;

/// <summary>
/// Moves mail from the mailbox store into a local Maildir without losing or duplicating any: each
/// message is delivered durably (<see cref="Maildir.DeliverAsync"/>) before its object is deleted,
/// and a message the Maildir already holds is only deleted. A run interrupted at any point is
/// completed by running again. One message failing does not stop the others.
/// </summary>
internal sealed class MailboxFetcher(IMailboxStore store, Maildir maildir)
{
    /// <summary>Lists the messages <paramref name="target"/> selects (all aliases, or one).</summary>
    /// <exception cref="MailboxStoreException">The store cannot be listed.</exception>
    public async Task<MailboxListing> ListAsync(MailboxTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var messages = new List<MailboxMessage>();
        var ignored = 0;
        await foreach (var stored in store.ListAsync(target.ListPrefix, cancellationToken).ConfigureAwait(false))
        {
            if (MailboxKey.TryParse(target.MailboxPrefix, stored.Key) is { } key)
            {
                messages.Add(new MailboxMessage(stored.Key, key.Domain, key.LocalPart, key.FileName, stored.Size));
            }
            else if (!stored.Key.EndsWith('/'))
            {
                ignored++;
            }
        }

        return new MailboxListing([.. messages], ignored);
    }

    /// <summary>
    /// Fetches every message of <paramref name="listing"/>, at most <paramref name="parallelism"/>
    /// at a time. Cancelling stops starting new messages and ends with <see cref="FetchResult.Interrupted"/>.
    /// </summary>
    public async Task<FetchResult> FetchAsync(
        MailboxListing listing, int parallelism, IProgress<FetchProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(listing);
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1);
        var tally = new FetchTally();
        void Report(FetchProgress done)
        {
            tally.Add(done);
            progress?.Report(done);
        }

        var options = new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken };
        try
        {
            await Parallel.ForEachAsync(listing.Messages, options, async (message, token) => Report(await FetchOneAsync(message, token).ConfigureAwait(false)))
                .ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return tally.ToResult(interrupted: true);
        }

        return tally.ToResult(interrupted: false);
    }

    private async Task<FetchProgress> FetchOneAsync(MailboxMessage message, CancellationToken cancellationToken)
    {
        if (maildir.Contains(message.Name))
        {
            return await DeleteAsync(message, FetchOutcome.AlreadyPresent, 0, cancellationToken).ConfigureAwait(false);
        }

        long delivered;
        try
        {
            var content = await store.OpenAsync(message.Key, cancellationToken).ConfigureAwait(false);
            await using (content.ConfigureAwait(false))
            {
                delivered = await maildir.DeliverAsync(message.Name, content, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (!IsCancellation(exception, cancellationToken))
        {
            return new FetchProgress(message, FetchOutcome.Failed, 0, Describe(exception));
        }

        return await DeleteAsync(message, FetchOutcome.Fetched, delivered, cancellationToken).ConfigureAwait(false);
    }

    private async Task<FetchProgress> DeleteAsync(MailboxMessage message, FetchOutcome outcome, long delivered, CancellationToken cancellationToken)
    {
        try
        {
            await store.DeleteAsync(message.Key, cancellationToken).ConfigureAwait(false);
            return new FetchProgress(message, outcome, delivered, null);
        }
        catch (Exception exception)
        {
            var reason = IsCancellation(exception, cancellationToken) ? "interrupted before it was deleted from the store" : Describe(exception);
            return new FetchProgress(message, FetchOutcome.NotDeleted, delivered, reason);
        }
    }

    /// <summary>
    /// Ctrl-C ends the run; any other failure concerns only this message, which stays in the store,
    /// so even an unexpected one is reported rather than stopping the others.
    /// </summary>
    private static bool IsCancellation(Exception exception, CancellationToken cancellationToken) =>
        exception is OperationCanceledException && cancellationToken.IsCancellationRequested;

    private static string Describe(Exception exception) => exception switch
    {
        TacoMailException or IOException or UnauthorizedAccessException => exception.Message,
        _ => $"{exception.Message} ({exception.GetType().Name})",
    };
}
