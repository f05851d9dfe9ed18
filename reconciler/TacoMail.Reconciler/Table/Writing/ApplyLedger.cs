using System.Collections.Concurrent;
using TacoMail.Reconciler.Planning;
using TacoMail.Schema.Records;
using TacoMail.Schema.Table;

namespace TacoMail.Reconciler.Table.Writing;

/// <summary>
/// Records each change as it is done, from any writer thread, and reports progress. Because a
/// change is recorded only after DynamoDB confirmed it, the result is exact even when the apply
/// stops midway.
/// </summary>
internal sealed class ApplyLedger(int total, IProgress<ApplyProgress>? progress)
{
    private readonly ConcurrentQueue<ConfigChange> _config = new();
    private readonly ConcurrentQueue<AppliedChange> _aliases = new();
    private SettingsChange? _settings;
    private int _done;

    public int Total { get; } = total;

    public void Done(ConfigChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        _config.Enqueue(change);
        Report(change.Action, new ItemKey(TableContract.ConfigPartition, ConfigSetRecord.SortKeyOf(change.Kind)));
    }

    public void Done(SettingsChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        Volatile.Write(ref _settings, change);
        Report(change.Action, SettingsItemCodec.Key);
    }

    public void Done(AppliedChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        _aliases.Enqueue(change);
        Report(change.Change.Action, change.Change.Key);
    }

    public ApplyResult ToResult() => new(
        [.. _config.OrderBy(c => c.Kind)],
        [.. _aliases.OrderBy(c => c.Change.Key)],
        Volatile.Read(ref _settings));

    private void Report(ChangeAction action, ItemKey key)
    {
        var done = Interlocked.Increment(ref _done);
        progress?.Report(new ApplyProgress(done, Total, action, key));
    }
}
