using TacoMail.Schema.Records;
using TacoMail.Schema.Routing;

namespace TacoMail.Schema.Tests.Routing;

public sealed class RecipientNormalizerTests
{
    [Theory]
    [InlineData("shop@example.com", "example.com", "shop", null, null)]
    [InlineData("Shop@Example.COM", "example.com", "shop", null, null)]
    [InlineData("shop+promo@example.com", "example.com", "shop", "+", "promo")]
    [InlineData("shop--promo@example.com", "example.com", "shop", "--", "promo")]
    [InlineData("shop#x@example.com", "example.com", "shop", "#", "x")]
    [InlineData("shop=x+y@example.com", "example.com", "shop", "=", "x+y")]
    [InlineData("old-bank@example.com", "example.com", "old-bank", null, null)]
    [InlineData("<first.last@mail.example.org>", "mail.example.org", "first.last", null, null)]
    [InlineData("kontakt@Bücher.example", "xn--bcher-kva.example", "kontakt", null, null)]
    public void TryNormalize_Recipient_GivesTheTableKey(string recipient, string domain, string localPart, string? separator, string? subAddress)
    {
        RecipientNormalizer.TryNormalize(recipient, SubAddressSeparators.Default, out var lookup).ShouldBeTrue();

        lookup.Key.ShouldBe(new ItemKey(domain, localPart));
        lookup.Separator.ShouldBe(separator);
        lookup.SubAddress.ShouldBe(subAddress);
        lookup.Recipient.ShouldBe(recipient);
    }

    [Theory]
    [InlineData("no-at-sign")]
    [InlineData("@example.com")]
    [InlineData("shop@")]
    [InlineData("+promo@example.com")]
    [InlineData("lock@tacomail-config")]
    [InlineData("sub_domains@TACOMAIL-CONFIG")]
    public void TryNormalize_Unusable_IsRejected(string recipient) =>
        RecipientNormalizer.TryNormalize(recipient, SubAddressSeparators.Default, out _).ShouldBeFalse();

    [Fact]
    public void TryNormalize_CustomSeparators_OnlyThoseStrip()
    {
        var separators = SubAddressSeparators.Parse("+");

        RecipientNormalizer.TryNormalize("a--b@example.com", separators, out var lookup).ShouldBeTrue();

        lookup.Key.LocalPart.ShouldBe("a--b");
    }

    [Theory]
    [InlineData("")]
    [InlineData("+,,#")]
    [InlineData(" , ")]
    public void Parse_EmptyEntries_Throw(string text) =>
        Should.Throw<FormatException>(() => SubAddressSeparators.Parse(text));

    [Fact]
    public void Parse_List_KeepsOrder() =>
        SubAddressSeparators.Parse("+, --").Values.ShouldBe(["+", "--"]);

    [Theory]
    [InlineData("\"shop\"@example.com", "shop")]
    [InlineData("\"Shop.Orders\"@Example.com", "shop.orders")]
    [InlineData("\"sh\\op\"@example.com", "shop")]
    [InlineData("\"shop+promo\"@example.com", "shop")]
    public void TryNormalize_QuotedDotAtom_IsTheUnquotedMailbox(string recipient, string localPart)
    {
        RecipientNormalizer.TryNormalize(recipient, SubAddressSeparators.Default, out var lookup).ShouldBeTrue();

        lookup.Key.LocalPart.ShouldBe(localPart);
    }

    [Theory]
    [InlineData("\"shop here\"@example.com")]
    [InlineData("\"a@b\"@example.com")]
    [InlineData("\".shop\"@example.com")]
    [InlineData("\"sh..op\"@example.com")]
    [InlineData("\"\"@example.com")]
    [InlineData("\"shop@example.com")]
    public void TryNormalize_QuotedNonAtom_IsRejected(string recipient) =>
        RecipientNormalizer.TryNormalize(recipient, SubAddressSeparators.Default, out _).ShouldBeFalse();

    [Fact]
    public void Candidates_SubAddressStripped_TriesTheExactAddressFirst()
    {
        RecipientNormalizer.TryNormalize("my+shop@example.com", SubAddressSeparators.Default, out var lookup).ShouldBeTrue();

        lookup.Candidates.Select(k => k.LocalPart).ShouldBe(["my+shop", "my"]);
        lookup.Resolve(k => k.LocalPart == "my+shop").LocalPart.ShouldBe("my+shop");
        lookup.Resolve(_ => false).LocalPart.ShouldBe("my");
    }

    [Fact]
    public void Candidates_NothingStripped_IsTheKeyAlone()
    {
        RecipientNormalizer.TryNormalize("shop@example.com", SubAddressSeparators.Default, out var lookup).ShouldBeTrue();

        lookup.ExactKey.ShouldBeNull();
        lookup.Candidates.ShouldBe([lookup.Key]);
    }
}
