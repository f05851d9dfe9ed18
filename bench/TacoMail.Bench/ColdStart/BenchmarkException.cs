namespace TacoMail.Bench.ColdStart;

/// <summary>A run did not produce a measurement (the process failed, answered an error, or hung).</summary>
internal sealed class BenchmarkException : Exception
{
    public BenchmarkException()
    {
    }

    public BenchmarkException(string message)
        : base(message)
    {
    }

    public BenchmarkException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
