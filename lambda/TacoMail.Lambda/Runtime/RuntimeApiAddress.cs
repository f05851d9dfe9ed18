namespace TacoMail.Lambda.Runtime;

/// <summary>Turns <c>AWS_LAMBDA_RUNTIME_API</c> (<c>host:port</c>) into the versioned base URI.</summary>
internal static class RuntimeApiAddress
{
    public const string Version = "2018-06-01";

    /// <exception cref="ArgumentException">The value is empty or not a <c>host:port</c>.</exception>
    public static Uri Parse(string runtimeApi)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runtimeApi);
        if (!Uri.TryCreate($"http://{runtimeApi.Trim()}/{Version}/", UriKind.Absolute, out var uri)
            || uri.AbsolutePath != $"/{Version}/"
            || !string.IsNullOrEmpty(uri.Query))
        {
            throw new ArgumentException($"'{runtimeApi}' is not a host:port for the Lambda Runtime API.", nameof(runtimeApi));
        }

        return uri;
    }
}
