using Spectre.Console;
using TacoMail.Reconciler.Durations;
using TacoMail.Schema.Queue;

namespace TacoMail.Reconciler.Queue;

/// <summary>
/// <c>--retry</c> and <c>--discard</c>: the owner's two ways to act on one message. Every step is
/// ordered so that an interruption leaves the message in the bucket and the same command finishes
/// the job: a retried failed message is written to <c>incoming/</c> and queued before anything under
/// <c>failed/</c> is deleted; a discard says what goes before it deletes anything.
/// </summary>
internal sealed class QueueActions(IQueueStore store, TimeProvider time, IAnsiConsole console, bool showSenders)
{
    /// <summary>How often the delivery function sweeps the queue, for the messages that promise a retry.</summary>
    public const string SweepInterval = "5 minutes";

    /// <summary>Queues the message for an attempt at the next sweep; a failed one is moved back into the queue.</summary>
    /// <exception cref="TacoMailException">The id is not a message id, no such message waits, or its entry cannot be read.</exception>
    public async Task RetryAsync(string messageId, CancellationToken cancellationToken)
    {
        var found = await FindAsync("--retry", messageId, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        if (found.Failed is { } failed)
        {
            await RequeueFailedAsync(messageId, Readable(failed, "--retry"), now, cancellationToken).ConfigureAwait(false);
            return;
        }

        var queued = Readable(found.Queued!, "--retry");
        var was = QueueText.NextAttempt(queued, QueueEntryState.Queued, now);
        await store.WriteAsync(found.Queued!.Key, QueueEntryCodec.Encode(queued with { NextAttemptAt = now }), cancellationToken).ConfigureAwait(false);
        console.MarkupLineInterpolated(
            $"queued message [bold]{messageId}[/]: next attempt now (was {was}); the next sweep, within {SweepInterval}, delivers it");
    }

    /// <summary>Deletes the message and its entry, after printing both.</summary>
    /// <exception cref="TacoMailException">The id is not a message id, or no such message waits.</exception>
    public async Task DiscardAsync(string messageId, CancellationToken cancellationToken)
    {
        var found = await FindAsync("--discard", messageId, cancellationToken).ConfigureAwait(false);
        var messages = new List<string>();
        var entries = new List<string>();
        foreach (var item in new[] { found.Queued, found.Failed }.OfType<QueueItem>())
        {
            var message = item.State == QueueEntryState.Failed ? MailBucketLayout.FailedKey(messageId) : MailBucketLayout.IncomingKey(messageId);
            if (await store.ExistsAsync(message, cancellationToken).ConfigureAwait(false))
            {
                messages.Add(message);
            }

            entries.Add(item.Key);
            console.MarkupLineInterpolated($"discarding {Describe(item, time.GetUtcNow())}");
        }

        console.MarkupLineInterpolated($"deleting {string.Join(", ", messages.Concat(entries))}");
        foreach (var key in messages.Concat(entries))
        {
            await store.DeleteAsync(key, cancellationToken).ConfigureAwait(false);
        }

        console.MarkupLineInterpolated(
            $"discarded [bold]{messageId}[/]{(messages.Count == 0 ? " (the message itself was already gone)" : string.Empty)}");
    }

    private async Task RequeueFailedAsync(string messageId, QueueEntry entry, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var failedMessage = MailBucketLayout.FailedKey(messageId);
        var incoming = MailBucketLayout.IncomingKey(messageId);
        if (await store.ExistsAsync(failedMessage, cancellationToken).ConfigureAwait(false))
        {
            var body = await store.ReadAllAsync(failedMessage, cancellationToken).ConfigureAwait(false);
            await store.WriteAsync(incoming, body, cancellationToken).ConfigureAwait(false);

            // The delivery progress marks keep recipients that already got it from getting it twice;
            // the finished tag must not come along: it would let the lifecycle rule expire the message.
            var tags = (await store.ReadTagsAsync(failedMessage, cancellationToken).ConfigureAwait(false))
                .Where(tag => tag.Key != MailBucketLayout.StateTag)
                .ToList();
            if (tags.Count > 0)
            {
                await store.WriteTagsAsync(incoming, tags, cancellationToken).ConfigureAwait(false);
            }
        }
        else if (!await store.ExistsAsync(incoming, cancellationToken).ConfigureAwait(false))
        {
            throw new TacoMailException(
                $"--retry: the message of {MailBucketLayout.FailedEntryKey(messageId)} is gone (neither {failedMessage} nor {incoming} exists), " +
                $"so there is nothing to deliver; remove the entry with --discard {messageId}");
        }

        var requeued = entry with { State = QueueEntryState.Queued, Attempts = 0, NextAttemptAt = now };
        await store.WriteAsync(MailBucketLayout.QueueEntryKey(messageId), QueueEntryCodec.Encode(requeued), cancellationToken).ConfigureAwait(false);
        await store.DeleteAsync(MailBucketLayout.FailedEntryKey(messageId), cancellationToken).ConfigureAwait(false);
        await store.DeleteAsync(failedMessage, cancellationToken).ConfigureAwait(false);
        var moves = $"{failedMessage} → {incoming}, {MailBucketLayout.FailedEntryKey(messageId)} → {MailBucketLayout.QueueEntryKey(messageId)}";
        console.MarkupLineInterpolated(
            $"moved failed message [bold]{messageId}[/] back into the queue ({moves}, attempts 0); the next sweep, within {SweepInterval}, delivers it");
    }

    private async Task<(QueueItem? Queued, QueueItem? Failed)> FindAsync(string option, string messageId, CancellationToken cancellationToken)
    {
        if (!MailBucketLayout.IsMessageId(messageId))
        {
            throw new TacoMailException(
                $"{option}: '{messageId}' is not a message id (letters, digits, - and _, as SES writes them); copy the id from 'tacomail queue'");
        }

        var reader = new QueueReader(store, time);
        var queued = await FindEntryAsync(reader, MailBucketLayout.QueueEntryKey(messageId), messageId, QueueEntryState.Queued, cancellationToken)
            .ConfigureAwait(false);
        var failed = await FindEntryAsync(reader, MailBucketLayout.FailedEntryKey(messageId), messageId, QueueEntryState.Failed, cancellationToken)
            .ConfigureAwait(false);
        return queued is null && failed is null
            ? throw new TacoMailException(
                $"{option}: no message '{messageId}' waits in the bucket (neither {MailBucketLayout.QueueEntryKey(messageId)} nor " +
                $"{MailBucketLayout.FailedEntryKey(messageId)} exists); run 'tacomail queue' to list the ids")
            : (queued, failed);
    }

    private async Task<QueueItem?> FindEntryAsync(
        QueueReader reader, string key, string messageId, QueueEntryState state, CancellationToken cancellationToken) =>
        await store.ExistsAsync(key, cancellationToken).ConfigureAwait(false)
            ? await reader.ReadEntryAsync(key, messageId, state, cancellationToken).ConfigureAwait(false)
            : null;

    private static QueueEntry Readable(QueueItem item, string option) =>
        item.Entry ?? throw new TacoMailException(
            $"{option}: {item.Key} cannot be read ({item.Problem}), so TacoMail cannot tell how to deliver the message; " +
            $"fix the entry, or remove it and its message with --discard {item.MessageId}");

    private string Describe(QueueItem item, DateTimeOffset now) => item.Entry is { } entry
        ? $"{QueueText.State(item.State)} message {entry.MessageId} (received {entry.ReceivedAt.UtcDateTime:yyyy-MM-dd HH:mm}Z, " +
          $"{DurationText.Age(entry.AgeAt(now))} ago; to {string.Join(", ", entry.Recipients)}; from {QueueText.Sender(entry.EnvelopeSender, showSenders)}; " +
          $"attempts {entry.Attempts})"
        : $"{QueueText.State(item.State)} message {item.MessageId} (its entry {item.Key} is unreadable: {item.Problem})";
}
