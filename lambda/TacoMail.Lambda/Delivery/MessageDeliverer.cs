using TacoMail.Lambda.Delivery.Claims;
using TacoMail.Lambda.Delivery.Failure;
using TacoMail.Lambda.Delivery.Queue;
using TacoMail.Lambda.Delivery.Sending;
using TacoMail.Lambda.Delivery.Storage;
using TacoMail.Lambda.Disposition;
using TacoMail.MailPath.Delivery;
using TacoMail.MailPath.Replies;
using TacoMail.Schema.Addresses;
using TacoMail.Schema.Queue;

namespace TacoMail.Lambda.Delivery;

/// <summary>
/// Delivers one stored message exactly once per alias, however often it is attempted, around a
/// queue that never loses it: the message gets a queue entry before anything is sent; each alias
/// is served (forwarded through SES or filed in the mailbox) and marked done in the object's tags;
/// what cannot be served yet stays queued with a backoff for the sweep; what cannot be served at
/// all, or not within the queue lifetime, is told to the sender (where that is no backscatter)
/// and moved to <c>failed/</c>. Only a failure to record any of this fails the invocation, so
/// that Lambda retries it and, in the end, puts the event in the dead-letter queue.
/// </summary>
/// <remarks>
/// The one window for a duplicate is a crash between SES accepting a forward and the tag write
/// that records it; no API lets the two happen atomically.
/// </remarks>
internal sealed class MessageDeliverer
{
    private readonly DeliveryOptions _options;
    private readonly RecipientChecker _checker;
    private readonly IMailStore _store;
    private readonly IRawEmailSender _sender;
    private readonly SenderNotifier _notifier;
    private readonly MailQueue _queue;
    private readonly IDeliveryClaims _claims;
    private readonly ReverseAliasStore _reverses;
    private readonly TimeProvider _time;

    public MessageDeliverer(
        DeliveryOptions options,
        RecipientChecker checker,
        IMailStore store,
        IRawEmailSender sender,
        SenderNotifier notifier,
        MailQueue queue,
        IDeliveryClaims claims,
        ReverseAliasStore reverses,
        TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(reverses);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(checker);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(notifier);
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(time);
        _options = options;
        _checker = checker;
        _store = store;
        _sender = sender;
        _notifier = notifier;
        _queue = queue;
        _claims = claims;
        _reverses = reverses;
        _time = time;
    }

    /// <summary>The first attempt, from SES's event: the message is queued first, then attempted.</summary>
    public async Task<DeliveryResult> DeliverAsync(DeliveryEvent delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        try
        {
            var tags = await _store.GetTagsAsync(IncomingKey(delivery.Message.MessageId), cancellationToken).ConfigureAwait(false);
            if (tags is null)
            {
                return DeliveryResult.Nothing(DeliveryOutcome.Absent);
            }

            var entry = await _queue.GetAsync(delivery.Message.MessageId, cancellationToken).ConfigureAwait(false);
            if (entry is null)
            {
                entry = QueueEntries.For(delivery, _time.GetUtcNow());
                await _queue.SaveAsync(entry, cancellationToken).ConfigureAwait(false);
            }

            return await AttemptAsync(entry, tags, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not ArgumentException)
        {
            return new DeliveryResult(DeliveryOutcome.Failed, [], null, exception, [ErrorText.Of(exception)]);
        }
    }

    /// <summary>One attempt at a queued message (the first, or the sweep's retry).</summary>
    /// <param name="entry">The message's queue entry.</param>
    /// <param name="tags">The incoming object's tags when already read; null to read them.</param>
    /// <param name="cancellationToken">Cancels the attempt; what was done stays recorded.</param>
    public async Task<DeliveryResult> AttemptAsync(QueueEntry entry, IReadOnlyList<MailObjectTag>? tags, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        DeliveryRun? run = null;
        try
        {
            tags ??= await _store.GetTagsAsync(IncomingKey(entry.MessageId), cancellationToken).ConfigureAwait(false);
            if (tags is null)
            {
                // Delivered and deleted by an earlier attempt that died before removing its entry.
                await _queue.DeleteAsync(entry.MessageId, cancellationToken).ConfigureAwait(false);
                return DeliveryResult.Nothing(DeliveryOutcome.Absent);
            }

            var progress = DeliveryProgress.FromTags(tags);
            if (progress.IsFinished)
            {
                await _queue.DeleteAsync(entry.MessageId, cancellationToken).ConfigureAwait(false);
                return DeliveryResult.Nothing(DeliveryOutcome.FinishedBefore);
            }

            var delivery = QueueEntries.EventOf(entry);
            run = new DeliveryRun(_options, _store, _sender, _claims, _reverses, delivery, entry.ReceivedAt, progress);
            DeliveryOutcome outcome;
            Exception? failure = null;
            try
            {
                outcome = await RunAsync(run, entry, delivery, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not ArgumentException && !cancellationToken.IsCancellationRequested)
            {
                failure = exception;
                outcome = DeliveryOutcome.Queued;
            }

            if (outcome == DeliveryOutcome.Queued)
            {
                outcome = await RequeueAsync(run, entry, failure, cancellationToken).ConfigureAwait(false);
            }

            var errors = failure is null ? run.Errors : [.. run.Errors, ErrorText.Of(failure)];
            return new DeliveryResult(outcome, run.Reports, run.MessageBytes, null, errors) { SettingsFallback = run.SettingsFallback };
        }
        catch (Exception exception) when (exception is not ArgumentException)
        {
            var errors = (run?.Errors ?? []).Append(ErrorText.Of(exception)).ToList();
            return new DeliveryResult(DeliveryOutcome.Failed, run?.Reports ?? [], run?.MessageBytes, exception, errors);
        }
        finally
        {
            if (run is not null)
            {
                await run.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task<DeliveryOutcome> RunAsync(DeliveryRun run, QueueEntry entry, DeliveryEvent delivery, CancellationToken cancellationToken)
    {
        var check = await _checker.CheckAsync(delivery.Message, cancellationToken).ConfigureAwait(false);
        run.Settings = check.Settings;
        run.SettingsFallback = check.SettingsFallback;
        run.Report(check.NotDelivered);
        var givenUp = new List<(DeliveryTarget Target, RecipientReport Report)>();
        foreach (var target in check.Targets)
        {
            if (run.IsDone(target))
            {
                run.Report([new RecipientReport(
                    target.Recipients, target.Alias.FullAddress, DeliveryDestinations.Of(target.Destination), DeliveryStatus.AlreadyDone)]);
                continue;
            }

            var report = await run.ServeAsync(target, cancellationToken).ConfigureAwait(false);
            if (report.KeepsObject)
            {
                givenUp.Add((target, report));
            }
            else
            {
                run.Report([report]);
            }
        }

        foreach (var group in givenUp.GroupBy(g => g.Report.Status))
        {
            var targets = group.Select(g => g.Target).ToList();
            var notice = group.Key switch
            {
                DeliveryStatus.TooLarge => await NotifyAsync(run, delivery, targets, GiveUpReason.TooLarge, group.First().Report.Reason, cancellationToken).ConfigureAwait(false),
                DeliveryStatus.Rejected => await NotifyAsync(run, delivery, targets, GiveUpReason.Rejected, group.First().Report.Reason, cancellationToken).ConfigureAwait(false),
                _ => new SenderNotice("the sender is not told of a loop", null),
            };
            await run.MarkDoneAsync(targets, keepObject: true, cancellationToken).ConfigureAwait(false);
            if (group.Key == DeliveryStatus.TooLarge)
            {
                run.Fail(group.Select(g => $"{g.Target.Alias}: not forwarded, {g.Report.Reason}; {notice.Reason}"));
            }

            run.Report(group.Select(g => g.Report with { Reason = $"{g.Report.Reason}; {notice.Reason}", SesMessageId = notice.MessageId }));
        }

        return run.Reports.Any(r => r.Status == DeliveryStatus.Unresolved)
            ? DeliveryOutcome.Queued
            : await run.FinishAsync(_queue, entry, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The attempt did not finish: the entry records it and when to try again, or, past the queue
    /// lifetime, the sender is told and the message moves to <c>failed/</c>. Nothing is lost
    /// because of its age alone.
    /// </summary>
    private async Task<DeliveryOutcome> RequeueAsync(DeliveryRun run, QueueEntry entry, Exception? failure, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var why = AddressMask.InText(failure is not null ? ErrorText.Of(failure) : string.Join("; ", run.Errors));
        var lifetime = run.Settings.QueueLifetime;
        if (entry.AgeAt(now) < lifetime)
        {
            var attempts = entry.Attempts + 1;
            await _queue.SaveAsync(entry with { Attempts = attempts, NextAttemptAt = now + QueueBackoff.After(attempts), LastError = why }, cancellationToken)
                .ConfigureAwait(false);
            return DeliveryOutcome.Queued;
        }

        var settled = run.Reports
            .Where(r => r.Status is DeliveryStatus.Forwarded or DeliveryStatus.Replied or DeliveryStatus.Filed or DeliveryStatus.AlreadyDone or DeliveryStatus.Skipped)
            .SelectMany(r => r.Recipients)
            .ToHashSet(StringComparer.Ordinal);
        var undelivered = entry.Recipients.Where(r => !settled.Contains(r)).ToList();
        var notice = undelivered.Count == 0
            ? new SenderNotice("nothing left to report", null)
            : await _notifier.NotifyAsync(
                QueueEntries.EventOf(entry).Message,
                entry.ReceivedAt,
                undelivered,
                GiveUpReason.Expired,
                $"delivery time expired after {lifetime.TotalDays:0.#} days: {why}",
                run.Settings,
                await run.OriginalHeadersAsync(cancellationToken).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);
        run.Fail([$"gave up after {lifetime.TotalDays:0.#} days in the queue ({why}); {notice.Reason}"]);
        await _queue.MoveToFailedAsync(entry, run.StoredPath, $"expired after {lifetime.TotalDays:0.#} days: {why}; {notice.Reason}", _options.TemporaryDirectory, cancellationToken)
            .ConfigureAwait(false);
        return DeliveryOutcome.GaveUp;
    }

    private async Task<SenderNotice> NotifyAsync(
        DeliveryRun run, DeliveryEvent delivery, IReadOnlyList<DeliveryTarget> targets, GiveUpReason reason, string? diagnostic, CancellationToken cancellationToken)
    {
        var recipients = targets.SelectMany(t => t.Recipients).Distinct(StringComparer.Ordinal).ToList();
        return await _notifier.NotifyAsync(
            delivery.Message,
            delivery.ReceivedAt ?? _time.GetUtcNow(),
            recipients,
            reason,
            AddressMask.InText(diagnostic ?? reason.ToString()),
            run.Settings,
            await run.OriginalHeadersAsync(cancellationToken).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);
    }

    private string IncomingKey(string messageId) => MailBucketLayout.IncomingKey(messageId, _options.IncomingPrefix);
}
