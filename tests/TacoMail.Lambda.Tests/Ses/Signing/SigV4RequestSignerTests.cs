using System.Net.Http.Headers;
using System.Text;
using Amazon.Runtime;
using TacoMail.Lambda.Ses.Signing;

namespace TacoMail.Lambda.Tests.Ses.Signing;

public sealed class SigV4RequestSignerTests
{
    private static readonly SigV4RequestSigner Signer = new(SigV4TestSuite.Service, SigV4TestSuite.Region);

    private static ImmutableCredentials SuiteCredentials(string? token = null) =>
        new(SigV4TestSuite.AccessKey, SigV4TestSuite.SecretKey, token);

    [Fact]
    public async Task SignAsync_GetVanillaVector_MatchesPublishedAuthorization()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, SigV4TestSuite.Url);

        await Signer.SignAsync(request, SuiteCredentials(), SigV4TestSuite.SignedAt, TestContext.Current.CancellationToken);

        Header(request, "Authorization").ShouldBe(SigV4TestSuite.GetVanillaAuthorization);
        Header(request, "X-Amz-Date").ShouldBe(SigV4TestSuite.AmzDate);
        request.Headers.Host.ShouldBe("example.amazonaws.com");
    }

    [Fact]
    public async Task SignAsync_PostFormVector_MatchesPublishedAuthorization()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, SigV4TestSuite.Url)
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes("Param1=value1")),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");

        await Signer.SignAsync(request, SuiteCredentials(), SigV4TestSuite.SignedAt, TestContext.Current.CancellationToken);

        Header(request, "Authorization").ShouldBe(SigV4TestSuite.PostFormAuthorization);
    }

    [Fact]
    public async Task SignAsync_StsTokenVector_SendsAndSignsSecurityToken()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, SigV4TestSuite.Url);

        await Signer.SignAsync(
            request, SuiteCredentials(SigV4TestSuite.SessionToken), SigV4TestSuite.SignedAt, TestContext.Current.CancellationToken);

        Header(request, "Authorization").ShouldBe(SigV4TestSuite.PostStsHeaderBeforeAuthorization);
        Header(request, "X-Amz-Security-Token").ShouldBe(SigV4TestSuite.SessionToken);
    }

    [Fact]
    public async Task SignAsync_SignedTwice_ReplacesHeadersInsteadOfDuplicating()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, SigV4TestSuite.Url);
        var token = TestContext.Current.CancellationToken;
        await Signer.SignAsync(request, SuiteCredentials("old-token"), SigV4TestSuite.SignedAt.AddMinutes(-5), token);

        await Signer.SignAsync(request, SuiteCredentials(), SigV4TestSuite.SignedAt, token);

        Header(request, "Authorization").ShouldBe(SigV4TestSuite.GetVanillaAuthorization);
        request.Headers.Contains("X-Amz-Security-Token").ShouldBeFalse();
    }

    [Fact]
    public async Task SignAsync_RelativeUri_Throws()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/relative", UriKind.Relative));

        await Should.ThrowAsync<ArgumentException>(() =>
            Signer.SignAsync(request, SuiteCredentials(), SigV4TestSuite.SignedAt, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void IndependentVerifier_GetVanillaVector_ComputesPublishedSignature()
    {
        var signature = IndependentSigV4Verifier.Signature(
            "GET", "/", string.Empty,
            [("Host", "example.amazonaws.com"), ("X-Amz-Date", SigV4TestSuite.AmzDate)],
            [], SigV4TestSuite.SecretKey, SigV4TestSuite.AmzDate, SigV4TestSuite.Region, SigV4TestSuite.Service);

        signature.ShouldBe(IndependentSigV4Verifier.Parse(SigV4TestSuite.GetVanillaAuthorization).Signature);
    }

    private static string Header(HttpRequestMessage request, string name) =>
        string.Join(',', request.Headers.GetValues(name));
}
