using TacoMail.Schema.Addresses;

namespace TacoMail.Schema.Tests.Addresses;

public sealed class DomainNameTests
{
    [Theory]
    [InlineData("example.com", "example.com", "example.com")]
    [InlineData("Mail.Example.ORG", "mail.example.org", "mail.example.org")]
    [InlineData("bücher.example", "xn--bcher-kva.example", "bücher.example")]
    [InlineData("BÜCHER.example", "xn--bcher-kva.example", "bücher.example")]
    [InlineData("xn--bcher-kva.example", "xn--bcher-kva.example", "bücher.example")]
    [InlineData("XN--BCHER-KVA.example", "xn--bcher-kva.example", "bücher.example")]
    [InlineData("a-b.c0.example", "a-b.c0.example", "a-b.c0.example")]
    [InlineData("müller.bücher.example", "xn--mller-kva.xn--bcher-kva.example", "müller.bücher.example")]
    public void TryParse_ValidName_NormalisesToAsciiLowerCase(string text, string ascii, string unicode)
    {
        DomainName.TryParse(text, out var value, out var error).ShouldBeTrue();

        error.ShouldBeNull();
        value!.Value.ShouldBe(ascii);
        value.Unicode.ShouldBe(unicode);
        value.ToString().ShouldBe(ascii);
    }

    [Theory]
    [InlineData(null, "empty")]
    [InlineData("", "empty")]
    [InlineData("localhost", "single label")]
    [InlineData("example.com.", "ends with a dot")]
    [InlineData("example..com", "empty label")]
    [InlineData(".example.com", "empty label")]
    [InlineData("-shop.example", "hyphen")]
    [InlineData("shop-.example", "hyphen")]
    [InlineData("shop_1.example", "'_'")]
    [InlineData("my shop.example", "a space")]
    [InlineData("me@example.com", "'@'")]
    [InlineData("xn--zz.example", "internationalised")]
    [InlineData("10.0.0.1", "all-numeric")]
    [InlineData("a\u200Bb.example", "U+200B")]
    public void TryParse_InvalidName_SaysWhy(string? text, string reason)
    {
        DomainName.TryParse(text, out var value, out var error).ShouldBeFalse();

        value.ShouldBeNull();
        error!.Kind.ShouldBe(AddressErrorKind.Invalid);
        error.Message.ShouldContain(reason);
    }

    [Fact]
    public void TryParse_LabelOfSixtyFourCharacters_IsInvalid()
    {
        DomainName.TryParse(new string('a', 64) + ".example", out _, out var error).ShouldBeFalse();

        error!.Message.ShouldContain("the limit is 63");
    }

    [Fact]
    public void TryParse_NameLongerThan253Characters_IsInvalid()
    {
        var name = string.Join('.', Enumerable.Repeat(new string('a', 60), 5));

        DomainName.TryParse(name, out _, out var error).ShouldBeFalse();

        error!.Message.ShouldContain("the limit is 253");
    }

    [Theory]
    [InlineData("tacomail-config")]
    [InlineData("TacoMail-Config")]
    public void TryParse_ConfigPartitionName_IsReserved(string text)
    {
        DomainName.TryParse(text, out _, out var error).ShouldBeFalse();

        error!.Kind.ShouldBe(AddressErrorKind.Reserved);
    }

    [Fact]
    public void TryParse_TrailingDot_SuggestsTheNameWithoutIt()
    {
        DomainName.TryParse("example.com.", out _, out var error).ShouldBeFalse();

        error!.Suggestion.ShouldBe("example.com");
    }

    [Fact]
    public void Equals_UnicodeAndPunycodeForms_AreEqual() =>
        DomainName.Parse("bücher.example").ShouldBe(DomainName.Parse("xn--bcher-kva.example"));

    [Fact]
    public void Parse_InvalidName_ThrowsFormatException() =>
        Should.Throw<FormatException>(() => DomainName.Parse("localhost"));
}
