using TacoMail.Lambda.Ses;
using TacoMail.Lambda.Tests.Hosting;

namespace TacoMail.Lambda.Tests.Ses;

public sealed class SesEndpointTests
{
    private static SesEndpoint FromEnvironment(params (string Name, string Value)[] variables) =>
        SesEndpoint.FromEnvironment(new TestEnvironmentVariables(variables));

    [Fact]
    public void FromEnvironment_RegionOnly_UsesRegionalEndpoint()
    {
        var endpoint = FromEnvironment(("AWS_REGION", "eu-west-1"));

        endpoint.Url.ShouldBe(new Uri("https://email.eu-west-1.amazonaws.com/"));
        endpoint.Region.ShouldBe("eu-west-1");
    }

    [Fact]
    public void FromEnvironment_DefaultRegionOnly_UsesIt()
    {
        var endpoint = FromEnvironment(("AWS_DEFAULT_REGION", "ap-south-1"));

        endpoint.Url.Host.ShouldBe("email.ap-south-1.amazonaws.com");
    }

    [Fact]
    public void FromEnvironment_EndpointOverride_KeepsExactUrlWithPath()
    {
        var endpoint = FromEnvironment(("AWS_ENDPOINT_URL_SES", "http://127.0.0.1:4566/ses/query"), ("AWS_REGION", "eu-central-1"));

        endpoint.Url.AbsoluteUri.ShouldBe("http://127.0.0.1:4566/ses/query");
        endpoint.Region.ShouldBe("eu-central-1");
    }

    [Fact]
    public void FromEnvironment_EndpointWithoutRegion_SignsForFallbackRegion()
    {
        var endpoint = FromEnvironment(("AWS_ENDPOINT_URL_SES", "http://localhost:9000/"));

        endpoint.Region.ShouldBe(SesEndpoint.FallbackRegion);
    }

    [Fact]
    public void FromEnvironment_NeitherSet_ThrowsNamingTheVariables()
    {
        var ex = Should.Throw<InvalidOperationException>(() => FromEnvironment());

        ex.Message.ShouldContain("AWS_REGION");
        ex.Message.ShouldContain("AWS_ENDPOINT_URL_SES");
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://127.0.0.1/")]
    [InlineData("/relative")]
    public void FromEnvironment_MalformedEndpoint_Throws(string value)
    {
        var ex = Should.Throw<InvalidOperationException>(() => FromEnvironment(("AWS_ENDPOINT_URL_SES", value)));

        ex.Message.ShouldContain("AWS_ENDPOINT_URL_SES");
    }

    [Fact]
    public void FromEnvironment_RegionWithHostCharacters_Throws() =>
        Should.Throw<InvalidOperationException>(() => FromEnvironment(("AWS_REGION", "evil.com/x")));

    [Theory]
    [InlineData("http://127.0.0.1:4566/", "", "http://127.0.0.1:4566/")]
    [InlineData("http://127.0.0.1:4566/", "v2/email/outbound-emails", "http://127.0.0.1:4566/v2/email/outbound-emails")]
    [InlineData("http://127.0.0.1:4566/ses", "/v2/email/outbound-emails", "http://127.0.0.1:4566/ses/v2/email/outbound-emails")]
    public void Resolve_RelativePath_AppendsToEndpointPath(string url, string relativePath, string expected) =>
        new SesEndpoint(new Uri(url), "us-east-1").Resolve(relativePath).AbsoluteUri.ShouldBe(expected);
}
