using TacoMail.Lambda.Events;
using TacoMail.Lambda.Runtime;
using TacoMail.MailPath.Recipients;
using TacoMail.Schema.Routing;

namespace TacoMail.Lambda.Disposition;

/// <summary>
/// Decides one message: resolve every recipient and the declared settings at once
/// (<see cref="RecipientResolver"/>), apply the shared rules (<see cref="MessagePolicy"/>), then
/// bounce and count uses concurrently. Every failure becomes an error text and, where routing is
/// affected, a fail-safe CONTINUE; nothing here throws for a remote fault.
/// </summary>
internal sealed class MessageDisposer
{
    private readonly RecipientResolver _resolver;
    private readonly UseCountIncrementer _incrementer;
    private readonly BounceStep _bounce;

    public MessageDisposer(RecipientResolver resolver, UseCountIncrementer incrementer, BounceStep bounce)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        ArgumentNullException.ThrowIfNull(incrementer);
        ArgumentNullException.ThrowIfNull(bounce);
        _resolver = resolver;
        _incrementer = incrementer;
        _bounce = bounce;
    }

    /// <param name="message">The message to decide.</param>
    /// <param name="deadline">The invocation's deadline: its token cancels every call in time for the answer.</param>
    public async Task<DispositionResult> ProcessAsync(ReceivedMessage message, InvocationDeadline deadline)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(deadline);
        var errors = new List<string>();
        if (!deadline.AllowsCall)
        {
            errors.Add($"deadline near ({deadline.Describe()}): lookup skipped");
            return DispositionResult.FailSafe(Undecided(message, LookupStatus.Skipped), errors);
        }

        RecipientResolution resolution;
        try
        {
            resolution = await _resolver.ResolveAsync(message.Recipients, deadline.Token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // Fail-safe: without the table nothing may be bounced or dropped.
            errors.Add($"lookup failed: {ErrorText.Of(ex)}");
            return DispositionResult.FailSafe(Undecided(message, LookupStatus.Failed), errors);
        }

        errors.AddRange(resolution.Recipients.Where(r => r.UnreadableReason is not null).Select(r => $"unreadable {r.UnreadableReason}"));
        var policy = resolution.Settings.Policy;
        var facts = message.Facts;
        var results = resolution.Recipients
            .Select(r => new RecipientResult(r.Recipient, r.Key, r.Lookup, policy.Decide(r.Status, facts)))
            .ToList();

        var bounceTask = _bounce.RunAsync(message, results, resolution.Settings.BounceSender, deadline);
        var countTask = CountUsesAsync(results, deadline);
        await Task.WhenAll(bounceTask, countTask).ConfigureAwait(false);
        var bounce = await bounceTask.ConfigureAwait(false);
        if (bounce?.NeedsFailSafe == true)
        {
            errors.Add($"bounce not sent: {bounce.Reason}");
        }

        errors.AddRange(await countTask.ConfigureAwait(false));
        return DispositionResult.Decided(results, bounce, errors) with { SettingsFallback = resolution.SettingsFallback };
    }

    private async Task<IReadOnlyList<string>> CountUsesAsync(
        IReadOnlyList<RecipientResult> results, InvocationDeadline deadline)
    {
        var used = results.Where(r => r.CountsAsUse).Select(r => r.Key!.Value).Distinct().ToList();
        if (used.Count == 0)
        {
            return [];
        }

        if (!deadline.AllowsCall)
        {
            return [$"deadline near ({deadline.Describe()}): use_count not incremented for {used.Count} alias(es)"];
        }

        return await _incrementer.IncrementAsync(used, deadline.Token).ConfigureAwait(false);
    }

    /// <summary>Every recipient, undecided: the lookup did not happen, so the message is stored for the delivery step.</summary>
    private static List<RecipientResult> Undecided(ReceivedMessage message, LookupStatus status) =>
        [.. message.Recipients.Select(r => RecipientResolver.KeyOf(r) is { } key
            ? new RecipientResult(r, key, status, Decision: null)
            : new RecipientResult(r, null, LookupStatus.InvalidAddress, Decision: null))];
}
