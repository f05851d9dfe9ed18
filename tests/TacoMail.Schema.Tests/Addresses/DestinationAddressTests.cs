using TacoMail.Schema.Addresses;

namespace TacoMail.Schema.Tests.Addresses;

public sealed class DestinationAddressTests
{
    [Fact]
    public void TryParse_S3Literal_IsTheBucketDestination()
    {
        DestinationAddress.TryParse("S3", out var destination, out _).ShouldBeTrue();

        destination.ShouldBeSameAs(DestinationAddress.S3);
        destination!.IsS3.ShouldBeTrue();
        destination.Email.ShouldBeNull();
    }

    [Theory]
    [InlineData("me@example.net", "me@example.net")]
    [InlineData("Me.Name+tacomail@Example.NET", "Me.Name+tacomail@example.net")]
    [InlineData("post@bücher.example", "post@xn--bcher-kva.example")]
    public void TryParse_EmailAddress_KeepsTheLocalPartAndNormalisesTheDomain(string text, string normalised)
    {
        DestinationAddress.TryParse(text, out var destination, out var error).ShouldBeTrue();

        error.ShouldBeNull();
        destination!.Value.ShouldBe(normalised);
        destination.IsS3.ShouldBeFalse();
    }

    [Fact]
    public void TryParse_LowerCaseS3_SuggestsTheLiteral()
    {
        DestinationAddress.TryParse("s3", out _, out var error).ShouldBeFalse();

        error!.Suggestion.ShouldBe("S3");
    }

    [Theory]
    [InlineData(null, "neither")]
    [InlineData("mailbox", "neither")]
    [InlineData("@example.net", "nothing before the '@'")]
    [InlineData("me@@example.net", "'@'")]
    [InlineData("me..you@example.net", "doubled dot")]
    [InlineData("me@localhost", "single label")]
    [InlineData("my name@example.net", "a space")]
    public void TryParse_InvalidDestination_SaysWhy(string? text, string reason)
    {
        DestinationAddress.TryParse(text, out var destination, out var error).ShouldBeFalse();

        destination.ShouldBeNull();
        error!.Message.ShouldContain(reason);
    }
}
