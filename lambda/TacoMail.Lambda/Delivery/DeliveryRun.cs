using TacoMail.Lambda.Delivery.Claims;
using TacoMail.Lambda.Delivery.Messages;
using TacoMail.Lambda.Delivery.Queue;
using TacoMail.Lambda.Delivery.Sending;
using TacoMail.Lambda.Delivery.Storage;
using TacoMail.Lambda.Disposition;
using TacoMail.MailPath.Messages;
using TacoMail.MailPath.Replies;
using TacoMail.Schema.Addresses;
using TacoMail.Schema.Mailbox;
using TacoMail.Schema.Queue;
using TacoMail.Schema.Replies;
using TacoMail.Schema.Settings;

namespace TacoMail.Lambda.Delivery;

/// <summary>
/// The state of one invocation for one message: its progress tags, the reports so far and the
/// spooled copy of the message (read from S3 at most once, and only when an alias is served).
/// Each alias is marked done in the tags right after it is served, so a failure later in the run
/// leaves a retry only what is left.
/// </summary>
internal sealed class DeliveryRun : IAsyncDisposable
{
    private readonly DeliveryOptions _options;
    private readonly IMailStore _store;
    private readonly IRawEmailSender _sender;
    private readonly IDeliveryClaims _claims;
    private readonly ReverseAliasStore _reverses;
    private readonly DeliveryEvent _event;
    private readonly string _key;
    private readonly DateTimeOffset _received;
    private readonly List<RecipientReport> _reports = [];
    private readonly List<string> _errors = [];
    private DeliveryProgress _progress;
    private StoredMessage? _stored;

    public DeliveryRun(
        DeliveryOptions options,
        IMailStore store,
        IRawEmailSender sender,
        IDeliveryClaims claims,
        ReverseAliasStore reverses,
        DeliveryEvent delivery,
        DateTimeOffset received,
        DeliveryProgress progress)
    {
        _options = options;
        _store = store;
        _sender = sender;
        _claims = claims;
        _reverses = reverses;
        _event = delivery;
        _key = options.IncomingPrefix + delivery.Message.MessageId;
        _received = received;
        _progress = progress;
    }

    /// <summary>The declared settings read with the recipients; the fallback until then.</summary>
    public RoutingSettings Settings { get; set; } = RoutingSettings.Fallback;

    /// <summary>Why the fallback settings are used; null when the table's were read.</summary>
    public string? SettingsFallback { get; set; }

    /// <summary>The message's local copy when this run has read it, so moving it need not read it again.</summary>
    public string? StoredPath => _stored?.Path;

    public IReadOnlyList<RecipientReport> Reports => _reports;

    public IReadOnlyList<string> Errors => _errors;

    public long? MessageBytes => _stored?.Length;

    public void Report(IEnumerable<RecipientReport> reports)
    {
        foreach (var report in reports)
        {
            _reports.Add(report);
            if (report.Status is DeliveryStatus.Unresolved)
            {
                _errors.Add($"{report.Alias}: not delivered, {report.Reason}");
            }
        }
    }

    /// <summary>Records problems for the log line that no report carries as an error.</summary>
    public void Fail(IEnumerable<string> errors) => _errors.AddRange(errors);

    public bool IsDone(DeliveryTarget target) => _progress.IsDone(target.Alias);

    /// <returns>
    /// The report. Only a served alias is marked done here; one given up on (too large, rejected,
    /// looping) is marked by the caller once the sender has been told.
    /// </returns>
    public async Task<RecipientReport> ServeAsync(DeliveryTarget target, CancellationToken cancellationToken)
    {
        var report = target.Reply is not null ? await ReplyAsync(target, cancellationToken).ConfigureAwait(false)
            : target.Destination.IsS3 ? await FileAsync(target, cancellationToken).ConfigureAwait(false)
            : await ForwardAsync(target, cancellationToken).ConfigureAwait(false);
        if (report.Status is DeliveryStatus.Forwarded or DeliveryStatus.Replied or DeliveryStatus.Filed or DeliveryStatus.AlreadyDone)
        {
            await MarkDoneAsync([target], keepObject: false, cancellationToken).ConfigureAwait(false);
        }

        return report;
    }

    public async Task MarkDoneAsync(IEnumerable<DeliveryTarget> targets, bool keepObject, CancellationToken cancellationToken)
    {
        var progress = targets.Aggregate(_progress, (p, t) => p.WithDone(t.Alias));
        _progress = keepObject ? progress.KeepingObject() : progress;
        await _store.PutTagsAsync(_key, _progress.ToTags(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Every recipient is settled: delete the message and its queue entry, or, when delivery was
    /// given up for some, move both to <c>failed/</c> with the reasons.
    /// </summary>
    public async Task<DeliveryOutcome> FinishAsync(MailQueue queue, QueueEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(entry);
        if (_progress.KeepsObject)
        {
            var reason = string.Join("; ", _reports.Where(r => r.KeepsObject).Select(r => $"{r.Alias}: {r.Reason}"));
            await queue.MoveToFailedAsync(entry, StoredPath, reason, _options.TemporaryDirectory, cancellationToken).ConfigureAwait(false);
            return DeliveryOutcome.GaveUp;
        }

        await _store.DeleteAsync(_key, cancellationToken).ConfigureAwait(false);
        await queue.DeleteAsync(entry.MessageId, cancellationToken).ConfigureAwait(false);
        return DeliveryOutcome.Delivered;
    }

    /// <summary>
    /// The original header block for a delivery status notification, when this run read the
    /// message and the block is readable; null otherwise (the notification goes without it).
    /// </summary>
    public async Task<byte[]?> OriginalHeadersAsync(CancellationToken cancellationToken)
    {
        try
        {
            return _stored is null ? null : await _stored.HeaderBytesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (MessageFormatException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_stored is not null)
        {
            await _stored.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<RecipientReport> FileAsync(DeliveryTarget target, CancellationToken cancellationToken)
    {
        var stored = await SpoolAsync(cancellationToken).ConfigureAwait(false);
        var mailboxKey = MailboxKey.For(_options.MailboxPrefix, target.Alias, _event.Message.MessageId, _received);
        await _store.UploadAsync(mailboxKey, stored.Path, cancellationToken).ConfigureAwait(false);
        return ReportFor(target, DeliveryStatus.Filed) with { MailboxKey = mailboxKey };
    }

    private async Task<RecipientReport> ForwardAsync(DeliveryTarget target, CancellationToken cancellationToken)
    {
        var stored = await SpoolAsync(cancellationToken).ConfigureAwait(false);
        ForwardedMessage message;
        try
        {
            if (await stored.LoopThroughAsync(target.Alias.FullAddress, cancellationToken).ConfigureAwait(false) is { } loop)
            {
                // Forwarding again would feed the loop: the message is kept in S3 and logged.
                _errors.Add($"{target.Alias}: not forwarded, {loop}");
                return ReportFor(target, DeliveryStatus.Looped) with { Reason = loop };
            }

            var fields = await stored.FieldsAsync(cancellationToken).ConfigureAwait(false);
            var reverse = await _reverses.ReplyToAsync(target.Alias.FullAddress, fields, _event.Message.Source, cancellationToken).ConfigureAwait(false);
            message = await stored.ForwardForAsync(target.Alias.FullAddress, _event.Message.Source, reverse, cancellationToken).ConfigureAwait(false);
        }
        catch (MessageFormatException exception)
        {
            _errors.Add($"{target.Alias}: rejected, {exception.Message}");
            return ReportFor(target, DeliveryStatus.Rejected) with { Reason = exception.Message };
        }

        var email = new OutgoingEmail(target.Alias.FullAddress, target.Destination.Value, message, Settings.FeedbackAddress);
        return await SendOnceAsync(target, email, DeliveryStatus.Forwarded, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Mail to a reverse address: the owner's reply goes to the correspondent from the alias, once
    /// <see cref="ReplyAuthentication"/> accepts it. Anything else is dropped and logged, never
    /// bounced: its sender is exactly who is not proven.
    /// </summary>
    private async Task<RecipientReport> ReplyAsync(DeliveryTarget target, CancellationToken cancellationToken)
    {
        var reply = target.Reply!;
        var stored = await SpoolAsync(cancellationToken).ConfigureAwait(false);
        var decision = await ReplyCheck.CheckAsync(stored, reply, _event.Message.Source, _event.Message.Verdicts, target.Destination.Value, cancellationToken)
            .ConfigureAwait(false);
        if (decision.Loop is { } loop)
        {
            _errors.Add($"{target.Alias}: not sent, {loop}");
            return ReportFor(target, DeliveryStatus.Looped) with { Reason = loop };
        }

        if (decision.Fields is not { } fields)
        {
            return ReportFor(target, DeliveryStatus.Skipped) with { Reason = $"reply dropped: {decision.Refusal}" };
        }

        try
        {
            var path = Path.Combine(_options.TemporaryDirectory, $"{TemporaryFiles.MessagePrefix}reply-{Guid.NewGuid():N}{TemporaryFiles.MessageSuffix}");
            var composed = await ComposedReply.ComposeAsync(stored, fields, reply, target.Destination.Value, path, cancellationToken).ConfigureAwait(false);
            await using var composedScope = composed.ConfigureAwait(false);
            var email = new OutgoingEmail(reply.Alias, reply.Correspondent, composed.Message, Settings.FeedbackAddress);
            var report = await SendOnceAsync(target, email, DeliveryStatus.Replied, cancellationToken).ConfigureAwait(false);
            if (report.Status == DeliveryStatus.Replied)
            {
                await TouchAsync(target, reply, cancellationToken).ConfigureAwait(false);
            }

            return report;
        }
        catch (MessageFormatException exception)
        {
            return ReportFor(target, DeliveryStatus.Skipped) with { Reason = $"reply dropped: {exception.Message}" };
        }
    }

    /// <summary>Records the reverse address's last use; a failure is logged, never fails the reply that was sent.</summary>
    private async Task TouchAsync(DeliveryTarget target, ReverseAliasRecord reply, CancellationToken cancellationToken)
    {
        try
        {
            await _reverses.TouchAsync(reply.Address, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            _errors.Add($"{target.Alias}: last use not recorded: {ErrorText.Of(exception)}");
        }
    }

    /// <summary>
    /// Sends <paramref name="email"/> for <paramref name="target"/> at most once, however often the
    /// message is attempted: a claim in the table guards the send, and a send that SES refused
    /// releases it for a later attempt.
    /// </summary>
    private async Task<RecipientReport> SendOnceAsync(DeliveryTarget target, OutgoingEmail email, DeliveryStatus sent, CancellationToken cancellationToken)
    {
        var message = email.Message;
        if (message.Length > _options.MaxMessageBytes)
        {
            return ReportFor(target, DeliveryStatus.TooLarge) with
            {
                Reason = $"{message.Length} bytes as sent, over SES's limit of {_options.MaxMessageBytes}",
            };
        }

        switch (await _claims.TryClaimAsync(_event.Message.MessageId, target.Alias, cancellationToken).ConfigureAwait(false))
        {
            case ClaimOutcome.AlreadySent:
                return ReportFor(target, DeliveryStatus.AlreadyDone);
            case ClaimOutcome.HeldElsewhere:
                return ReportFor(target, DeliveryStatus.Unresolved) with { Reason = "being forwarded by another invocation" };
        }

        SendResult result;
        try
        {
            result = await _sender.SendAsync(email, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await _claims.ReleaseAsync(_event.Message.MessageId, target.Alias, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        if (result.IsSent)
        {
            await _claims.MarkSentAsync(_event.Message.MessageId, target.Alias, cancellationToken).ConfigureAwait(false);
            return ReportFor(target, sent) with { SesMessageId = result.MessageId };
        }

        // Nothing was sent: a retry may try again (the alias is marked once the sender is told).
        await _claims.ReleaseAsync(_event.Message.MessageId, target.Alias, CancellationToken.None).ConfigureAwait(false);

        // SES's text may name the destination (an unverified identity, say): logs get it masked.
        var reason = $"SES rejected it: {result.RejectionCode}{(result.RejectionMessage is null ? "" : ": " + AddressMask.InText(result.RejectionMessage))}";
        _errors.Add($"{target.Alias}: {reason}");
        return ReportFor(target, DeliveryStatus.Rejected) with { Reason = reason };
    }

    /// <summary>The message in a local file, read from S3 on first use.</summary>
    private async Task<StoredMessage> SpoolAsync(CancellationToken cancellationToken) =>
        _stored ??= await StoredMessage.LoadAsync(_store, _key, _options.TemporaryDirectory, cancellationToken).ConfigureAwait(false);

    private static RecipientReport ReportFor(DeliveryTarget target, DeliveryStatus status) =>
        new(target.Recipients, target.Alias.FullAddress, DeliveryDestinations.Of(target.Destination), status);
}
