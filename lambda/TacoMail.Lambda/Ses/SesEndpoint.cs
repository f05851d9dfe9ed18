using TacoMail.Lambda.Hosting;
using TacoMail.Schema.Settings;

namespace TacoMail.Lambda.Ses;

/// <summary>
/// Where SES calls go and the region they are signed for, following the SDK's convention so
/// tests and local emulators redirect SES with <c>AWS_ENDPOINT_URL_SES</c> like the other clients.
/// </summary>
/// <param name="Url">The Query API endpoint, used exactly as given (path included).</param>
/// <param name="Region">The SigV4 signing region.</param>
internal sealed record SesEndpoint(Uri Url, string Region)
{
    /// <summary>The signing region when only an endpoint is given (local emulators ignore it).</summary>
    public const string FallbackRegion = "us-east-1";

    /// <summary>
    /// <c>AWS_ENDPOINT_URL_SES</c> if set, else <c>https://email.{region}.amazonaws.com/</c>; the
    /// region is <c>AWS_REGION</c>, else <c>AWS_DEFAULT_REGION</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">Neither is set, or a value is malformed.</exception>
    public static SesEndpoint FromEnvironment(IEnvironmentVariables environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var region = NonEmpty(environment.Get(EnvironmentVariableNames.Region)) ?? NonEmpty(environment.Get(EnvironmentVariableNames.DefaultRegion));
        if (region is not null && !IsRegionName(region))
        {
            throw new InvalidOperationException($"{EnvironmentVariableNames.Region} is not an AWS region name: '{region}'.");
        }

        var endpoint = NonEmpty(environment.Get(EnvironmentVariableNames.SesEndpoint));
        if (endpoint is not null)
        {
            return new SesEndpoint(ParseEndpoint(endpoint), region ?? FallbackRegion);
        }

        if (region is null)
        {
            throw new InvalidOperationException(
                $"No SES endpoint: set {EnvironmentVariableNames.Region} (or {EnvironmentVariableNames.SesEndpoint} to call SES at a given URL).");
        }

        return new SesEndpoint(new Uri($"https://email.{region}.amazonaws.com/"), region);
    }

    /// <summary>
    /// <paramref name="relativePath"/> appended to the endpoint's path (REST APIs such as SES v2's
    /// <c>v2/email/outbound-emails</c>); an empty path is the endpoint itself (the Query API).
    /// </summary>
    public Uri Resolve(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        if (relativePath.Length == 0)
        {
            return Url;
        }

        var builder = new UriBuilder(Url);
        builder.Path = builder.Path.TrimEnd('/') + "/" + relativePath.TrimStart('/');
        return builder.Uri;
    }

    private static Uri ParseEndpoint(string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var url)
            || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            throw new InvalidOperationException($"{EnvironmentVariableNames.SesEndpoint} is not an absolute http(s) URL: '{value}'.");
        }

        return url;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static bool IsRegionName(string value) =>
        value.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}
