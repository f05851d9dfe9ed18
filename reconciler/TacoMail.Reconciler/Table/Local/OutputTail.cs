using System.Text;

namespace TacoMail.Reconciler.Table.Local;

/// <summary>
/// The last lines a child process wrote, kept for error messages. Written from the process's
/// output threads, read from ours.
/// </summary>
internal sealed class OutputTail
{
    private const int MaxLines = 60;

    private readonly Queue<string> _lines = new();
    private readonly Lock _gate = new();

    public void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _lines.Enqueue(line);
            if (_lines.Count > MaxLines)
            {
                _lines.Dequeue();
            }
        }
    }

    public bool Contains(string text)
    {
        lock (_gate)
        {
            return _lines.Any(line => line.Contains(text, StringComparison.Ordinal));
        }
    }

    public override string ToString()
    {
        lock (_gate)
        {
            var builder = new StringBuilder();
            foreach (var line in _lines)
            {
                builder.AppendLine(line);
            }

            return builder.ToString().TrimEnd();
        }
    }
}
