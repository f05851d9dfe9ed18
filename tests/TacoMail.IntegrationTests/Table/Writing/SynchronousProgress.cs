namespace TacoMail.IntegrationTests.Table.Writing;

/// <summary>An <see cref="IProgress{T}"/> that runs its handler on the reporting thread, so tests can react to an exact report.</summary>
internal sealed class SynchronousProgress<T>(Action<T> handler) : IProgress<T>
{
    public void Report(T value) => handler(value);
}
