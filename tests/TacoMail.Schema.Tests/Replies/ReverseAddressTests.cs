using TacoMail.Schema.Addresses;
using TacoMail.Schema.Records;
using TacoMail.Schema.Replies;
using TacoMail.Schema.Table;

namespace TacoMail.Schema.Tests.Replies;

public sealed class ReverseAddressTests
{
    [Fact]
    public void Create_Address_HasTheReservedFormOnTheDomainAndFitsALocalPart()
    {
        var address = ReverseAddress.Create("example.com");

        address.Address.ShouldMatch("^reply\\.[a-z2-7]{20}@example\\.com$");
        address.LocalPart.Length.ShouldBeLessThanOrEqualTo(AddressText.MaxLocalPartLength);
        ReverseAddress.IsReverseForm(address.LocalPart).ShouldBeTrue();
        address.ItemKey.ShouldBe(new ItemKey(TableContract.ReversePartition, "r#" + address.Token));
    }

    [Fact]
    public void Create_ManyTokens_AreDistinctAndUseEveryBase32Character()
    {
        var tokens = Enumerable.Range(0, 2_000).Select(_ => ReverseAddress.Create("example.com").Token).ToList();

        tokens.Distinct(StringComparer.Ordinal).Count().ShouldBe(tokens.Count);
        // 40,000 characters from 32 symbols: every symbol appears (each token character carries 5 random bits).
        string.Concat(tokens).Distinct().Count().ShouldBe(32);
    }

    [Theory]
    [InlineData("reply.abcdefghijklmnopqrst", true)]
    [InlineData("reply.abcdefghijklmnopqrs", false)]
    [InlineData("reply.abcdefghijklmnopqrstu", false)]
    [InlineData("reply.abcdefghijklmnopqrs1", false)]
    [InlineData("reply.ABCDEFGHIJKLMNOPQRST", false)]
    [InlineData("replyxabcdefghijklmnopqrst", false)]
    [InlineData("reply.team", false)]
    [InlineData("shop", false)]
    [InlineData(null, false)]
    public void IsReverseForm_OnlyTheExactReservedForm(string? localPart, bool expected) =>
        ReverseAddress.IsReverseForm(localPart).ShouldBe(expected);

    [Fact]
    public void TryParse_KeyOfAReverseAddress_GivesTokenAndDomain()
    {
        ReverseAddress.TryParse(new ItemKey("example.com", "reply.abcdefghijklmnopqrst"), out var address).ShouldBeTrue();

        address!.Token.ShouldBe("abcdefghijklmnopqrst");
        address.Domain.ShouldBe("example.com");
        ReverseAddress.TryParse(new ItemKey("example.com", "shop"), out _).ShouldBeFalse();
    }

    [Fact]
    public void Of_NotAToken_Throws() =>
        Should.Throw<FormatException>(() => ReverseAddress.Of("short", "example.com"));
}
