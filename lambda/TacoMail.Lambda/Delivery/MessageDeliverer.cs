using TacoMail.Lambda.Delivery.Sending;
using TacoMail.Lambda.Delivery.Storage;
using TacoMail.Lambda.Disposition;

namespace TacoMail.Lambda.Delivery;

/// <summary>
/// Delivers one stored message exactly once per alias, however often the event arrives: read the
/// progress from the object's tags (no object: delivered before), re-check the recipients, serve
/// each alias not yet done (forward through SES or file in the mailbox) and mark it done at once,
/// bounce what is too large, then delete the object, or keep it tagged when a recipient was
/// rejected. A transient failure ends the run with <see cref="DeliveryOutcome.Failed"/>; what was
/// done stays marked, so Lambda's retry sends only the rest.
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
    private readonly OversizeBouncer _bouncer;
    private readonly TimeProvider _time;

    public MessageDeliverer(
        DeliveryOptions options,
        RecipientChecker checker,
        IMailStore store,
        IRawEmailSender sender,
        OversizeBouncer bouncer,
        TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(checker);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(bouncer);
        ArgumentNullException.ThrowIfNull(time);
        _options = options;
        _checker = checker;
        _store = store;
        _sender = sender;
        _bouncer = bouncer;
        _time = time;
    }

    public async Task<DeliveryResult> DeliverAsync(DeliveryEvent delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        DeliveryRun? run = null;
        try
        {
            var tags = await _store.GetTagsAsync(_options.IncomingPrefix + delivery.Message.MessageId, cancellationToken);
            if (tags is null)
            {
                return DeliveryResult.Nothing(DeliveryOutcome.Absent);
            }

            var progress = DeliveryProgress.FromTags(tags);
            if (progress.IsFinished)
            {
                return DeliveryResult.Nothing(DeliveryOutcome.FinishedBefore);
            }

            run = new DeliveryRun(_options, _store, _sender, delivery, delivery.ReceivedAt ?? _time.GetUtcNow(), progress);
            var outcome = await RunAsync(run, delivery, cancellationToken);
            return new DeliveryResult(outcome, run.Reports, run.MessageBytes, null, run.Errors) { SettingsFallback = run.SettingsFallback };
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
                await run.DisposeAsync();
            }
        }
    }

    private async Task<DeliveryOutcome> RunAsync(DeliveryRun run, DeliveryEvent delivery, CancellationToken cancellationToken)
    {
        var check = await _checker.CheckAsync(delivery.Message, cancellationToken).ConfigureAwait(false);
        run.Settings = check.Settings;
        run.SettingsFallback = check.SettingsFallback;
        run.Report(check.NotDelivered);
        var tooLarge = new List<(DeliveryTarget Target, RecipientReport Report)>();
        foreach (var target in check.Targets)
        {
            if (run.IsDone(target))
            {
                run.Report([new RecipientReport(
                    target.Recipients, target.Alias.FullAddress, DeliveryDestinations.Of(target.Destination), DeliveryStatus.AlreadyDone)]);
                continue;
            }

            var report = await run.ServeAsync(target, cancellationToken);
            if (report.Status == DeliveryStatus.TooLarge)
            {
                tooLarge.Add((target, report));
            }
            else
            {
                run.Report([report]);
            }
        }

        if (tooLarge.Count > 0)
        {
            var targets = tooLarge.Select(t => t.Target).ToList();
            var bounce = await _bouncer.BounceAsync(delivery.Message, targets, check.Settings, cancellationToken).ConfigureAwait(false);
            await run.MarkDoneAsync(targets, keepObject: true, cancellationToken);
            run.Fail(tooLarge.Select(t => $"{t.Target.Alias}: not forwarded, {t.Report.Reason}; {bounce.Reason}"));
            run.Report(tooLarge.Select(t => t.Report with
            {
                Reason = $"{t.Report.Reason}; {bounce.Reason}",
                SesMessageId = bounce.BounceMessageId,
            }));
        }

        return run.Reports.Any(r => r.Status == DeliveryStatus.Unresolved)
            ? DeliveryOutcome.Incomplete
            : await run.FinishAsync(cancellationToken);
    }
}
