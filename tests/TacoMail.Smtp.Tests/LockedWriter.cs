using System.Text;

namespace TacoMail.Smtp.Tests;

/// <summary>Writes lines into a <see cref="StringWriter"/> under its own lock, so a test can read it while sessions log.</summary>
internal sealed class LockedWriter(StringWriter inner) : TextWriter
{
    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        lock (inner)
        {
            inner.Write(value);
        }
    }

    public override void WriteLine(string? value)
    {
        lock (inner)
        {
            inner.WriteLine(value);
        }
    }
}
