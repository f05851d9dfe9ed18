namespace TacoMail.Lambda.Ses.Signing;

/// <summary>
/// The SigV4 canonical request of an HTTP request, kept apart from the signing so it can be
/// compared line by line with the AWS test suite's <c>.creq</c> files.
/// </summary>
/// <param name="Text">The canonical request: method, URI, query, headers, signed headers, payload hash.</param>
/// <param name="SignedHeaders">The <c>;</c>-separated lower-case names of the signed headers.</param>
internal sealed record CanonicalRequest(string Text, string SignedHeaders);
