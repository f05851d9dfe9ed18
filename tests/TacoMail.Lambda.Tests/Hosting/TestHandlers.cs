using TacoMail.Lambda.Hosting;
using TacoMail.Lambda.Runtime;

namespace TacoMail.Lambda.Tests.Hosting;

/// <summary>
/// Handlers for the host tests, built by name like <see cref="CompositionRoot.Create"/>: an echo
/// (test-only; the product has none), handlers that fail in known ways, and every other name
/// through the real composition root on an empty environment.
/// </summary>
internal static class TestHandlers
{
    public const string Echo = "echo";
    public const string Throwing = "throwing";
    public const string Crashing = "crashing";

    public static LambdaHandler Create(string? name) => name switch
    {
        Echo => EchoAsync,
        Throwing => (_, _, _) => throw new InvalidOperationException("handler broke"),
        Crashing => throw new StartupException(RuntimeErrorTypes.UnknownReason, "The 'crashing' handler failed to start: FormatException: unexpected"),
        _ => CompositionRoot.Create(name, new TestEnvironmentVariables()),
    };

    /// <summary>Handlers that answer their own name.</summary>
    public static LambdaHandler Named(string? name) =>
        (_, _, _) => Task.FromResult<Stream>(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(name ?? string.Empty)));

    /// <summary>Answers the request bytes unchanged, so the loop and <c>invoke</c> run end to end with no AWS.</summary>
    public static async Task<Stream> EchoAsync(Stream request, InvocationContext context, CancellationToken cancellationToken)
    {
        var response = new MemoryStream();
        await request.CopyToAsync(response, cancellationToken);
        response.Position = 0;
        return response;
    }
}
