namespace TacoMail.Lambda.Runtime;

/// <summary>
/// A function handler as the runtime loop sees it: request bytes in, response bytes out. The loop
/// knows nothing of serialization; each handler owns its event and response types.
/// </summary>
internal delegate Task<Stream> LambdaHandler(Stream request, InvocationContext context, CancellationToken cancellationToken);
