using TacoMail.Lambda.Hosting;
using TacoMail.Lambda.Runtime;

namespace TacoMail.Lambda.Tests.Hosting;

/// <summary>Catalogs for host tests: the echo handler plus handlers that fail in known ways.</summary>
internal static class TestCatalogs
{
    public const string Throwing = "throwing";
    public const string BadConfig = "bad-config";
    public const string Crashing = "crashing";

    public static HandlerCatalog Create() => new(
    [
        new(EchoHandler.Name, _ => EchoHandler.HandleAsync),
        new(Throwing, _ => (_, _, _) => throw new InvalidOperationException("handler broke")),
        new(BadConfig, _ => throw new StartupException("TACOMAIL_TABLE is not set.")),
        new(Crashing, _ => throw new FormatException("unexpected")),
    ]);

    /// <summary>A catalog whose disposition and delivery handlers answer their own name.</summary>
    public static HandlerCatalog Named() => new(
    [
        new(HandlerNames.Disposition, _ => Answer(HandlerNames.Disposition)),
        new(HandlerNames.Delivery, _ => Answer(HandlerNames.Delivery)),
    ]);

    private static LambdaHandler Answer(string text) =>
        (_, _, _) => Task.FromResult<Stream>(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)));
}
