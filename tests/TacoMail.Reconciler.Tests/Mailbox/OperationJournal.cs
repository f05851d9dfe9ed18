namespace TacoMail.Reconciler.Tests.Mailbox;

/// <summary>The order in which the fake store and the recording fsyncs were called, across threads.</summary>
internal sealed class OperationJournal
{
    private readonly Lock _gate = new();
    private readonly List<string> _entries = [];

    public IReadOnlyList<string> Entries
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries];
            }
        }
    }

    public void Add(string entry)
    {
        lock (_gate)
        {
            _entries.Add(entry);
        }
    }

    /// <summary>The entries that mention <paramref name="text"/>, in order.</summary>
    public IReadOnlyList<string> About(string text) => [.. Entries.Where(e => e.Contains(text, StringComparison.Ordinal))];
}
