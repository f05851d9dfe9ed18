namespace TacoMail.Lambda.Runtime;

/// <summary>
/// Makes a response body with a known length, so the Runtime API gets <c>Content-Length</c>
/// rather than chunked encoding (which Lambda reserves for response streaming).
/// </summary>
internal static class BufferedContent
{
    public static async Task<HttpContent> CreateAsync(Stream body, CancellationToken cancellationToken)
    {
        if (body.CanSeek)
        {
            return new StreamContent(body);
        }

        var buffer = new MemoryStream();
        await body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        buffer.Position = 0;
        return new StreamContent(buffer);
    }
}
