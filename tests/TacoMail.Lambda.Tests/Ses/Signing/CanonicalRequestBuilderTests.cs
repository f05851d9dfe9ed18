using System.Net.Http.Headers;
using TacoMail.Lambda.Ses.Signing;

namespace TacoMail.Lambda.Tests.Ses.Signing;

public sealed class CanonicalRequestBuilderTests
{
    [Fact]
    public void Build_GetVanillaVector_MatchesPublishedCanonicalRequest()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, SigV4TestSuite.Url);
        request.Headers.TryAddWithoutValidation("X-Amz-Date", SigV4TestSuite.AmzDate);

        var canonical = CanonicalRequestBuilder.Build(request, []);

        canonical.Text.ShouldBe(SigV4TestSuite.GetVanillaCanonicalRequest);
        canonical.SignedHeaders.ShouldBe("host;x-amz-date");
    }

    [Fact]
    public void Build_QueryOutOfOrder_SortsAndReencodesParameters()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.amazonaws.com/?b=2&a=x%20y&a=%2B");

        var lines = CanonicalRequestBuilder.Build(request, []).Text.Split('\n');

        lines[2].ShouldBe("a=%2B&a=x%20y&b=2");
    }

    [Fact]
    public void Build_PathWithEscapes_EncodesEachSegmentAgain()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.amazonaws.com/v2/a%20b/c");

        var lines = CanonicalRequestBuilder.Build(request, []).Text.Split('\n');

        lines[1].ShouldBe("/v2/a%2520b/c");
    }

    [Fact]
    public void Build_UnrelatedHeaders_SignsOnlyHostContentTypeAndAmzHeaders()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1:8080/")
        {
            Content = new ByteArrayContent([1, 2, 3]),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/plain;   charset=utf-8");
        request.Headers.UserAgent.ParseAdd("test/1.0");
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "  a   b  ");

        var canonical = CanonicalRequestBuilder.Build(request, [1, 2, 3]);

        canonical.SignedHeaders.ShouldBe("content-type;host;x-amz-target");
        canonical.Text.ShouldContain("host:127.0.0.1:8080\n");
        canonical.Text.ShouldContain("x-amz-target:a b\n");
    }
}
