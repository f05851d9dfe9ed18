namespace TacoMail.Lambda.Hosting;

/// <summary>
/// The composition root's table of handler names, used by <c>Program</c> and <see cref="Functions"/>.
/// Only the diagnostic echo handler is wired so far.
/// </summary>
internal static class LambdaHandlers
{
    public static IHandlerCatalog CreateCatalog() => new HandlerCatalog(
    [
        new(EchoHandler.Name, _ => EchoHandler.HandleAsync),

        // COMPOSITION ROOT: map HandlerNames.Disposition and HandlerNames.Delivery to their
        // factories here, e.g. new(HandlerNames.Disposition, environment => ...).
    ]);
}
