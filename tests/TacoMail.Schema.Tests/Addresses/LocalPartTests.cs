using TacoMail.Schema.Addresses;

namespace TacoMail.Schema.Tests.Addresses;

public sealed class LocalPartTests
{
    [Theory]
    [InlineData("shop")]
    [InlineData("old-bank")]
    [InlineData("first.last")]
    [InlineData("a_b")]
    [InlineData("x")]
    [InlineData("123")]
    [InlineData("!$%&'*/?^_`{|}~")]
    [InlineData("tacomail-config")]
    public void TryParse_ValidLocalPart_ReturnsIt(string text)
    {
        LocalPart.TryParse(text, out var value, out var error).ShouldBeTrue();

        value!.Value.ShouldBe(text);
        error.ShouldBeNull();
    }

    [Fact]
    public void TryParse_SixtyFourCharacters_IsAccepted() =>
        LocalPart.TryParse(new string('a', 64), out _, out _).ShouldBeTrue();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("first..last")]
    [InlineData(".shop")]
    [InlineData("shop.")]
    [InlineData("shop@example.com")]
    [InlineData("my shop")]
    [InlineData("café")]
    [InlineData("a\"b")]
    [InlineData("a,b")]
    public void TryParse_BrokenSyntax_IsInvalid(string? text)
    {
        LocalPart.TryParse(text, out var value, out var error).ShouldBeFalse();

        value.ShouldBeNull();
        error!.Kind.ShouldBe(AddressErrorKind.Invalid);
    }

    [Fact]
    public void TryParse_SixtyFiveCharacters_IsInvalidAndSaysTheLimit()
    {
        LocalPart.TryParse(new string('a', 65), out _, out var error).ShouldBeFalse();

        error!.Message.ShouldContain("the limit is 64");
    }

    [Theory]
    [InlineData("shop+news", "+", "shop-news")]
    [InlineData("shop#1", "#", "shop-1")]
    [InlineData("a=b", "=", "a-b")]
    [InlineData("old--bank", "--", "old-bank")]
    [InlineData("a+b--c", "+", "a-b-c")]
    public void TryParse_SubAddressSeparator_HasItsOwnKindAndSuggestion(string text, string separator, string suggestion)
    {
        LocalPart.TryParse(text, out _, out var error).ShouldBeFalse();

        error!.Kind.ShouldBe(AddressErrorKind.SubAddressSeparator);
        error.Message.ShouldContain($"separator '{separator}'");
        error.Suggestion.ShouldBe(suggestion);
    }

    [Fact]
    public void TryParse_UpperCase_SuggestsTheLowerCaseForm()
    {
        LocalPart.TryParse("Old-Bank", out _, out var error).ShouldBeFalse();

        error!.Kind.ShouldBe(AddressErrorKind.UpperCase);
        error.Suggestion.ShouldBe("old-bank");
        error.Message.ShouldContain("write 'old-bank'");
    }

    [Fact]
    public void Parse_InvalidText_ThrowsFormatException() =>
        Should.Throw<FormatException>(() => LocalPart.Parse("a b"));

    [Fact]
    public void CompareTo_OrdersOrdinally()
    {
        string[] texts = ["shop", "bank", "z", "a.b"];

        var parts = texts.Select(LocalPart.Parse).Order();

        parts.Select(part => part.Value).ShouldBe(["a.b", "bank", "shop", "z"]);
        (LocalPart.Parse("a") < LocalPart.Parse("b")).ShouldBeTrue();
    }

    [Fact]
    public void Equals_SameText_IsEqual() =>
        LocalPart.Parse("shop").ShouldBe(LocalPart.Parse("shop"));
}
