namespace TacoMail.Lambda.Tests.Ses;

/// <summary>The fields of a SigV4 Authorization header.</summary>
internal sealed record AuthorizationParts(
    string AccessKey,
    string Date,
    string Region,
    string Service,
    IReadOnlyList<string> SignedHeaders,
    string Signature);
