using TacoMail.Lambda.Runtime;

namespace TacoMail.Lambda.Hosting;

/// <summary>
/// Resolves a handler name through the catalog, turning every way it can fail into one
/// <see cref="StartupException"/> with an error type, for the host and <c>invoke</c> alike.
/// </summary>
internal static class HandlerStartup
{
    /// <exception cref="StartupException">No name, an unknown name, or the factory failed.</exception>
    public static LambdaHandler Create(IHandlerCatalog catalog, string? name, IEnvironmentVariables environment)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new StartupException(
                RuntimeErrorTypes.NoSuchHandler,
                $"No handler named: set the function's Handler (_HANDLER) or {HandlerEnvironment.HandlerOverride} to one of {Known(catalog)}.");
        }

        LambdaHandler? handler;
        try
        {
            handler = catalog.Create(name, environment);
        }
        catch (Exception exception) when (exception is not StartupException)
        {
            throw new StartupException(
                RuntimeErrorTypes.UnknownReason,
                $"The '{name}' handler failed to start: {exception.GetType().Name}: {exception.Message}",
                exception);
        }

        return handler ?? throw new StartupException(
            RuntimeErrorTypes.NoSuchHandler,
            $"Unknown handler '{name}'; this binary serves {Known(catalog)}.");
    }

    private static string Known(IHandlerCatalog catalog) =>
        catalog.Names.Count == 0 ? "no handlers" : string.Join(", ", catalog.Names);
}
