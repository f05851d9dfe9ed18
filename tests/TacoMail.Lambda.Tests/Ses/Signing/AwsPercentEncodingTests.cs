using TacoMail.Lambda.Ses.Signing;

namespace TacoMail.Lambda.Tests.Ses.Signing;

public sealed class AwsPercentEncodingTests
{
    [Theory]
    [InlineData("AZaz09-._~", "AZaz09-._~")]
    [InlineData("a+b@example.com", "a%2Bb%40example.com")]
    [InlineData("with space", "with%20space")]
    [InlineData("é/ü=&?", "%C3%A9%2F%C3%BC%3D%26%3F")]
    [InlineData("", "")]
    public void Encode_Value_PercentEncodesAllButUnreservedAsUtf8(string value, string expected) =>
        AwsPercentEncoding.Encode(value).ShouldBe(expected);
}
