using TacoMail.MailPath.Replies;

namespace TacoMail.MailPath.Tests.Replies;

public sealed class AddressScrubberTests
{
    private readonly AddressScrubber _scrubber = new("owner@private.test", "shop@example.com");

    [Theory]
    [InlineData("On Mon, Owner <owner@private.test> wrote:", "On Mon, Owner <shop@example.com> wrote:")]
    [InlineData("OWNER@Private.Test and owner@PRIVATE.TEST", "shop@example.com and shop@example.com")]
    [InlineData("<a href=\"mailto:owner@private.test\">", "<a href=\"mailto:shop@example.com\">")]
    [InlineData("owner&#64;private.test", "shop&#64;example.com")]
    [InlineData("owner&#064;private.test", "shop&#064;example.com")]
    [InlineData("owner&#x40;private.test owner&#X40;private.test", "shop&#x40;example.com shop&#X40;example.com")]
    [InlineData("owner&commat;private.test", "shop&commat;example.com")]
    [InlineData("https://x.test/?to=owner%40private.test", "https://x.test/?to=shop%40example.com")]
    [InlineData("mailto:Owner%40Private.Test?subject=hi", "mailto:shop%40example.com?subject=hi")]
    [InlineData("bowner@private.testing", "bshop@example.coming")]
    public void Scrub_DestinationInAnySpelling_BecomesTheAliasInTheSameSpelling(string text, string expected)
    {
        _scrubber.Names(text).ShouldBeTrue();

        _scrubber.Scrub(text).ShouldBe(expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("owner at private.test")]
    [InlineData("owner@private-test")]
    [InlineData("other@private.test and owner@other.test")]
    [InlineData("owner@@private.test")]
    public void Scrub_NoDestination_ReturnsTheSameText(string text)
    {
        _scrubber.Names(text).ShouldBeFalse();

        _scrubber.Scrub(text).ShouldBeSameAs(text);
    }

    [Fact]
    public void Scrub_RegexCharactersInTheAddress_AreTakenLiterally()
    {
        var scrubber = new AddressScrubber("o.w+ner@private.test", "shop@example.com");

        scrubber.Scrub("o.w+ner@private.test owwner@private.test o.w+ner@privateXtest").ShouldBe("shop@example.com owwner@private.test o.w+ner@privateXtest");
    }
}
