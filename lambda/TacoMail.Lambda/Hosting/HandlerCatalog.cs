using TacoMail.Lambda.Runtime;

namespace TacoMail.Lambda.Hosting;

/// <summary>A catalog from a fixed table of names to factories (names compared ordinally).</summary>
internal sealed class HandlerCatalog : IHandlerCatalog
{
    private readonly Dictionary<string, HandlerFactory> _factories;

    public HandlerCatalog(IEnumerable<KeyValuePair<string, HandlerFactory>> factories)
    {
        ArgumentNullException.ThrowIfNull(factories);
        _factories = new Dictionary<string, HandlerFactory>(factories, StringComparer.Ordinal);
        Names = [.. _factories.Keys.Order(StringComparer.Ordinal)];
    }

    public IReadOnlyList<string> Names { get; }

    public LambdaHandler? Create(string name, IEnvironmentVariables environment)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _factories.TryGetValue(name, out var factory) ? factory(environment) : null;
    }
}
