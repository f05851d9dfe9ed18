using System.Collections.Immutable;
using System.Globalization;
using TacoMail.Schema.Model;

namespace TacoMail.Reconciler.Planning;

/// <summary>
/// Every word a plan is told in — actions, states, safety checks — for the text, markdown and
/// JSON renderers, <see cref="UnsafePlanException"/> and the apply's result, so that the formats
/// cannot drift apart. Each mapping throws on a value it does not know rather than print a wrong word.
/// </summary>
internal static class PlanWords
{
    /// <summary>The order in which the text and markdown summaries list the actions.</summary>
    public static ImmutableArray<ChangeAction> SummaryOrder { get; } =
        [ChangeAction.Create, ChangeAction.Update, ChangeAction.Rename, ChangeAction.Delete];

    /// <summary>The order in which an apply's result lists what it did.</summary>
    public static ImmutableArray<ChangeAction> ResultOrder { get; } =
        [ChangeAction.Create, ChangeAction.Update, ChangeAction.Delete, ChangeAction.Rename];

    /// <summary><c>create</c>: the action's name in the JSON plan and in markdown lines.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An unknown action.</exception>
    public static string Name(ChangeAction action) => action switch
    {
        ChangeAction.Create => "create",
        ChangeAction.Update => "update",
        ChangeAction.Delete => "delete",
        ChangeAction.Rename => "rename",
        _ => throw Unknown(action),
    };

    /// <summary><c>Create</c>: a column heading.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An unknown action.</exception>
    public static string Heading(ChangeAction action)
    {
        var name = Name(action);
        return string.Concat(name[..1].ToUpperInvariant(), name[1..]);
    }

    /// <summary><c>to create</c>: what a plan will do.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An unknown action.</exception>
    public static string Planned(ChangeAction action) => "to " + Name(action);

    /// <summary><c>created</c>: what an apply did.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An unknown action.</exception>
    public static string Done(ChangeAction action) => action switch
    {
        ChangeAction.Create => "created",
        ChangeAction.Update => "updated",
        ChangeAction.Delete => "deleted",
        ChangeAction.Rename => "renamed",
        _ => throw Unknown(action),
    };

    /// <summary><c>active</c>, <c>paused</c>, <c>disabled</c>: the YAML's words.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An unknown state.</exception>
    public static string State(AliasState state) => state.ToName();

    /// <summary><c>deletes</c>, <c>pauses or disables</c>: the verb of a sentence about a tripped threshold.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An unknown check.</exception>
    public static string Verb(SafetyCheck check) => check switch
    {
        SafetyCheck.Deletes => "deletes",
        SafetyCheck.Deactivations => "pauses or disables",
        _ => throw Unknown(check),
    };

    /// <summary><c>deletes</c>, <c>disables</c>: the check's name in the JSON plan.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An unknown check.</exception>
    public static string Name(SafetyCheck check) => check switch
    {
        SafetyCheck.Deletes => "deletes",
        // Named after max_disable_percent; kept from before pausing counted too.
        SafetyCheck.Deactivations => "disables",
        _ => throw Unknown(check),
    };

    /// <summary><c>unknown</c>: the last use of an alias whose item records none.</summary>
    public const string UnknownLastUse = "unknown";

    /// <summary><c>12 messages, last used 2026-11-20T10:00:00Z</c>: an affected alias's usage.</summary>
    public static string Usage(AliasUsage usage)
    {
        ArgumentNullException.ThrowIfNull(usage);
        var messages = usage.UseCount == 1 ? "1 message" : $"{usage.UseCount.ToString("N0", CultureInfo.InvariantCulture)} messages";
        return $"{messages}, last used {LastUsed(usage.LastUsed) ?? UnknownLastUse}";
    }

    /// <summary><c>2026-11-20T10:00:00Z</c> (ISO 8601, UTC, whole seconds), or null when unknown.</summary>
    public static string? LastUsed(DateTimeOffset? lastUsed) =>
        lastUsed?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// <c>2 of the affected aliases received mail in the last 30 days</c>: the warning over a plan
    /// that stops or redirects aliases in use.
    /// </summary>
    public static string RecentUseWarning(int recent) =>
        $"{recent.ToString("N0", CultureInfo.InvariantCulture)} of the affected aliases received mail in the last {AliasUsage.RecentDays} days";

    /// <summary><c>TacoMail plan</c>: the heading of a plan of <paramref name="scope"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An unknown scope.</exception>
    public static string Title(PlanScope scope) => scope switch
    {
        PlanScope.All => "TacoMail plan",
        PlanScope.DueExpiries => "TacoMail expiries",
        PlanScope.Drift => "TacoMail drift",
        _ => throw Unknown(scope),
    };

    /// <summary><c>all</c>, <c>due-expiries</c>, <c>drift</c>: the scope's name in the JSON plan.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An unknown scope.</exception>
    public static string Name(PlanScope scope) => scope switch
    {
        PlanScope.All => "all",
        PlanScope.DueExpiries => "due-expiries",
        PlanScope.Drift => "drift",
        _ => throw Unknown(scope),
    };

    /// <summary>What a plan of <paramref name="scope"/> without changes says.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An unknown scope.</exception>
    public static string NoChanges(PlanScope scope) => scope switch
    {
        PlanScope.All => "No changes. The table matches the configuration.",
        PlanScope.DueExpiries => "No changes. No expiry is due that the table does not hold already.",
        PlanScope.Drift => "No drift. The table matches the configuration, apart from any expiries that are due.",
        _ => throw Unknown(scope),
    };

    /// <summary>
    /// <c>2027-03-31</c> for the start of a day in UTC (how a bare date in <c>expires</c> is read),
    /// else <c>2027-03-31T18:00:00+02:00</c> with the offset it was written with.
    /// </summary>
    public static string Expiry(DateTimeOffset at) =>
        at.Offset == TimeSpan.Zero && at.TimeOfDay == TimeSpan.Zero
            ? at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : at.ToString(at.Offset == TimeSpan.Zero ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary><c>expired 2027-03-31</c>: the note on a change that carries out a due expiry.</summary>
    public static string Expired(ScheduledExpiry expiry)
    {
        ArgumentNullException.ThrowIfNull(expiry);
        return $"expired {Expiry(expiry.At)}";
    }

    /// <summary><c>becomes disabled on 2027-03-31</c>: an expiry to come.</summary>
    public static string Expiring(ScheduledExpiry expiry)
    {
        ArgumentNullException.ThrowIfNull(expiry);
        return $"becomes {State(expiry.Then)} on {Expiry(expiry.At)}";
    }

    /// <summary><c>2 aliases expire in the next 14 days</c>: the heading over the expiries to come.</summary>
    public static string ExpiringHeading(int count) =>
        (count == 1 ? "1 alias expires" : $"{count.ToString("N0", CultureInfo.InvariantCulture)} aliases expire")
        + $" in the next {ScheduledExpiry.NoticeDays} days";

    private static ArgumentOutOfRangeException Unknown<T>(T value)
        where T : struct, Enum =>
        new(typeof(T).Name, value, $"No words are known for this {typeof(T).Name}.");
}
