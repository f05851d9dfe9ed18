using System.Globalization;
using System.Text.Json;
using TacoMail.MailPath.Delivery;
using TacoMail.MailPath.Messages;
using TacoMail.MailPath.Recipients;
using TacoMail.Schema.Addresses;
using TacoMail.Schema.Routing;
using TacoMail.Schema.Settings;
using TacoMail.Schema.Table;
using TacoMail.Smtp.Logging;
using TacoMail.Smtp.Spool;

namespace TacoMail.Smtp.Delivery;

/// <summary>
/// One attempt at one queued message, as the Lambda's delivery step does it: every pending
/// recipient is re-checked against the table (only an alias that is active now receives mail);
/// an <c>S3</c> destination or the feedback address is filed in the Maildir; an e-mail destination
/// is forwarded through the smarthost (<see cref="Forwarder"/>); mail to a reverse address goes out
/// as the owner's reply once proven theirs (<see cref="ReplySender"/>); a queued notice goes to the
/// sender it tells (<see cref="SenderNotifier.SendQueuedAsync"/>). Each recipient's fate is
/// recorded in the envelope before the next is served, so a restart never sends twice. What cannot
/// be served yet is tried again with Postfix's backoff; what is refused for good, loops, or
/// outlives the queue lifetime moves to <c>failed/</c>, and its sender is told only where that is
/// not backscatter (<see cref="SenderNotifier"/>).
/// </summary>
internal sealed class QueueDelivery(
    DiskSpool spool, RecipientResolver resolver, MaildirStore maildir, Forwarder forwarder, ReplySender replies, SenderNotifier notifier, DecisionLog log, TimeProvider time)
{
    /// <summary>Delivers what is due of entry <paramref name="id"/>; never throws for a fault of the table, the disk or the smarthost.</summary>
    public async Task<QueueAttempt> DeliverAsync(string id, CancellationToken cancellationToken)
    {
        SpoolEnvelope? envelope;
        try
        {
            envelope = await spool.ReadAsync(id, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            spool.MoveAsIsToFailed(id);
            log.Write("delivery", ("id", id), ("decision", "failed"), ("reason", "unreadable-envelope"), ("error", ex.GetType().Name));
            return QueueAttempt.GaveUp;
        }

        if (envelope is null)
        {
            return QueueAttempt.Finished;
        }

        if (!envelope.IsDueAt(time.GetUtcNow()))
        {
            return QueueAttempt.NotDue;
        }

        if (!File.Exists(spool.MessagePath(id)))
        {
            spool.MoveAsIsToFailed(id);
            log.Write("delivery", ("id", id), ("decision", "failed"), ("reason", "message-missing"));
            return QueueAttempt.GaveUp;
        }

        var path = spool.MessagePath(id);
        var run = new DeliveryProgress(envelope, new MessageFile(path, new FileInfo(path).Length));
        if (run.Pending.Count == 0)
        {
            return await FinishAsync(run, cancellationToken).ConfigureAwait(false);
        }

        RecipientResolution resolution;
        try
        {
            resolution = await resolver.ResolveAsync(
                [.. run.Pending.Where(r => !r.IsNotice).Select(r => r.Address).Distinct(StringComparer.Ordinal)], cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Without the table nothing is decided, not even giving up: the message waits.
            return await DeferAsync(run, $"lookup failed: {ex.GetType().Name}", cancellationToken).ConfigureAwait(false);
        }

        var settings = resolution.Settings;
        foreach (var target in resolution.Recipients.GroupBy(r => r.Key))
        {
            var recipients = target.Select(r => r.Recipient).ToHashSet(StringComparer.Ordinal);
            await RecordAsync(run, recipients, await ServeAsync(run, target.First(), settings, cancellationToken).ConfigureAwait(false), cancellationToken)
                .ConfigureAwait(false);
        }

        foreach (var sender in run.Pending.Where(r => r.IsNotice).Select(r => r.Address).ToList())
        {
            var served = await notifier.SendQueuedAsync(run, sender, TemporaryPath(run), cancellationToken).ConfigureAwait(false);
            await RecordAsync(run, new HashSet<string>(StringComparer.Ordinal) { sender }, served, cancellationToken).ConfigureAwait(false);
        }

        if (run.Pending.Count > 0 && run.Envelope.ReceivedAt + settings.QueueLifetime <= time.GetUtcNow())
        {
            var expired = run.Pending.Select(r => r.Address).ToHashSet(StringComparer.Ordinal);
            var reason = string.Create(
                CultureInfo.InvariantCulture, $"delivery time expired after {settings.QueueLifetime.TotalDays:0.#} days: {string.Join("; ", run.Errors)}");
            run.Mark(expired, RecipientFate.Failed, AddressMask.InText(reason));
            run.Refuse(expired, GiveUpReason.Expired, reason);
        }

        await TellSenderAsync(run, settings, cancellationToken).ConfigureAwait(false);
        return run.Pending.Count > 0
            ? await DeferAsync(run, string.Join("; ", run.Errors), cancellationToken).ConfigureAwait(false)
            : await FinishAsync(run, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Logs what serving <paramref name="recipients"/> came to and records it in the envelope; a send is saved at once.</summary>
    private async Task RecordAsync(DeliveryProgress run, IReadOnlySet<string> recipients, Served served, CancellationToken cancellationToken)
    {
        log.Write(
            "delivery",
            ("id", run.Envelope.Id),
            ("to", string.Join(',', recipients.Select(DecisionLog.Masked))),
            ("decision", served.Fate ?? "deferred"),
            ("reason", served.Reason));
        if (served.Fate is null)
        {
            run.Errors.Add(served.Reason ?? "not delivered yet");
            return;
        }

        run.Mark(recipients, served.Fate, served.Reason is null ? null : AddressMask.InText(served.Reason));
        if (served.Tell is { } tell)
        {
            run.Refuse(recipients, tell, served.Reason ?? tell.ToString());
        }

        if (served.Fate is RecipientFate.Forwarded or RecipientFate.Replied or RecipientFate.Notified)
        {
            // The one step that cannot be repeated: recorded before anything else is tried.
            await spool.SaveAsync(run.Envelope, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <returns>The fate and why; a null fate: not served yet (tried again later).</returns>
    private async Task<Served> ServeAsync(
        DeliveryProgress run, ResolvedRecipient recipient, RoutingSettings settings, CancellationToken cancellationToken)
    {
        if (recipient.Key is not { } alias)
        {
            return new(RecipientFate.Skipped, "invalid-address");
        }

        switch (recipient.Status)
        {
            case RecipientStatus.Unreadable:
                return Served.Later($"unreadable {recipient.UnreadableReason}");
            case RecipientStatus.Feedback:
                return await FileAsync(run, alias, cancellationToken).ConfigureAwait(false);
            case RecipientStatus.Reply when recipient is { Reverse: { } reverse, Record: { } owner }:
                return await replies.SendAsync(run, reverse, owner.Destination, settings, () => TemporaryPath(run), cancellationToken).ConfigureAwait(false);
            case RecipientStatus.Active when recipient.Record is { } record:
                return record.Destination == TableContract.S3Destination
                    ? await FileAsync(run, alias, cancellationToken).ConfigureAwait(false)
                    : await forwarder.ForwardAsync(run, alias.FullAddress, record.Destination, settings, TemporaryPath(run), cancellationToken).ConfigureAwait(false);
            default:
                // Paused, disabled or gone since it was accepted: as the Lambda's re-check, not delivered.
                return new(RecipientFate.Skipped, recipient.Status.ToString().ToLowerInvariant() + "-now");
        }
    }

    private async Task<Served> FileAsync(DeliveryProgress run, TacoMail.Schema.Records.ItemKey alias, CancellationToken cancellationToken)
    {
        try
        {
            await maildir.FileAsync(alias, run.Message, run.Envelope.Id, run.Envelope.ReceivedAt, cancellationToken).ConfigureAwait(false);
            return new(RecipientFate.Filed, null);
        }
        catch (InvalidOperationException ex)
        {
            return new(RecipientFate.Failed, ex.Message);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Served.Later($"maildir: {ex.GetType().Name}");
        }
    }

    /// <summary>The recipients refused in this attempt: their sender is told once, where that is no backscatter.</summary>
    private async Task TellSenderAsync(DeliveryProgress run, RoutingSettings settings, CancellationToken cancellationToken)
    {
        if (run.Refusal is not { } refusal)
        {
            return;
        }

        var notice = await notifier.NotifyAsync(run, [.. run.Refused], refusal, settings, TemporaryPath(run), cancellationToken).ConfigureAwait(false);
        run.Annotate(run.Refused, AddressMask.InText(notice));
        log.Write("notice", ("id", run.Envelope.Id), ("decision", notice));
    }

    private async Task<QueueAttempt> DeferAsync(DeliveryProgress run, string why, CancellationToken cancellationToken)
    {
        var attempts = run.Envelope.Attempts + 1;
        var next = time.GetUtcNow() + QueueBackoff.After(attempts);
        run.Envelope = run.Envelope with { Attempts = attempts, NextAttemptAt = next, LastError = AddressMask.InText(why) };
        await spool.SaveAsync(run.Envelope, cancellationToken).ConfigureAwait(false);
        log.Write("queue", ("id", run.Envelope.Id), ("decision", "deferred"), ("attempts", attempts.ToString(CultureInfo.InvariantCulture)),
            ("next", next.ToString("O", CultureInfo.InvariantCulture)));
        return QueueAttempt.Deferred;
    }

    /// <summary>Every recipient is done: the message leaves the queue, into <c>failed/</c> when any was given up, its reasons in the envelope.</summary>
    private async Task<QueueAttempt> FinishAsync(DeliveryProgress run, CancellationToken cancellationToken)
    {
        var failed = run.Envelope.Recipients.Where(r => r.Done == RecipientFate.Failed).ToList();
        if (failed.Count == 0)
        {
            spool.Complete(run.Envelope.Id);
            log.Write("queue", ("id", run.Envelope.Id), ("decision", "delivered"));
            return QueueAttempt.Finished;
        }

        var why = string.Join("; ", failed.Select(r => $"{AddressMask.Mask(r.Address)}: {r.Reason}"));
        run.Envelope = run.Envelope with { LastError = why };
        await spool.MoveToFailedAsync(run.Envelope, cancellationToken).ConfigureAwait(false);
        log.Write("queue", ("id", run.Envelope.Id), ("decision", "failed"));
        return QueueAttempt.GaveUp;
    }

    private string TemporaryPath(DeliveryProgress run) =>
        Path.Combine(spool.Tmp, $"{run.Envelope.Id}.{Guid.NewGuid():N}.out");
}
