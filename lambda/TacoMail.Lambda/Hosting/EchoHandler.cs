using TacoMail.Lambda.Runtime;

namespace TacoMail.Lambda.Hosting;

/// <summary>
/// A diagnostic handler that answers the request bytes unchanged, so the Runtime API loop, the
/// <c>invoke</c> command and the cold-start benchmark run end to end with no AWS dependency.
/// Its name says it is not a product handler.
/// </summary>
internal static class EchoHandler
{
    public const string Name = "tacomail-echo";

    public static async Task<Stream> HandleAsync(Stream request, InvocationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = new MemoryStream();
        await request.CopyToAsync(response, cancellationToken);
        response.Position = 0;
        return response;
    }
}
