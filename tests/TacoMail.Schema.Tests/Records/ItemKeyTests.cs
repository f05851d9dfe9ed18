using TacoMail.Schema.Records;

namespace TacoMail.Schema.Tests.Records;

public sealed class ItemKeyTests
{
    [Fact]
    public void CompareTo_DifferentSubDomains_OrdersBySubDomainFirst()
    {
        var earlier = new ItemKey("a.example", "zzz");
        var later = new ItemKey("b.example", "aaa");

        earlier.CompareTo(later).ShouldBeLessThan(0);
        later.CompareTo(earlier).ShouldBeGreaterThan(0);
    }

    [Fact]
    public void CompareTo_SameSubDomain_OrdersByLocalPart()
    {
        new ItemKey("example.com", "bank").CompareTo(new ItemKey("example.com", "shop")).ShouldBeLessThan(0);
    }

    [Theory]
    [InlineData("Zed.example", "a", "abe.example", "a")]
    [InlineData("example.com", "Zed", "example.com", "abe")]
    public void CompareTo_MixedCase_IsCaseSensitiveOrdinal(string lowDomain, string lowLocal, string highDomain, string highLocal)
    {
        // Ordinal: 'Z' (0x5A) sorts before 'a' (0x61); a case-insensitive order would say otherwise.
        new ItemKey(lowDomain, lowLocal).CompareTo(new ItemKey(highDomain, highLocal)).ShouldBeLessThan(0);
    }

    [Fact]
    public void CompareTo_EqualKeys_IsZero()
    {
        new ItemKey("example.com", "shop").CompareTo(new ItemKey("example.com", "shop")).ShouldBe(0);
    }

    [Fact]
    public void Sort_MixedKeys_SortsBySubDomainThenLocalPart()
    {
        List<ItemKey> keys =
        [
            new("mail.example.org", "a"),
            new("example.com", "shop"),
            new("example.com", "bank"),
            new("example.com.au", "a"),
        ];

        keys.Sort();

        keys.Select(key => key.ToString()).ShouldBe(
        [
            "bank@example.com",
            "shop@example.com",
            "a@example.com.au",
            "a@mail.example.org",
        ]);
    }

    [Fact]
    public void Operators_OrderedKeys_AgreeWithCompareTo()
    {
        var low = new ItemKey("example.com", "a");
        var high = new ItemKey("example.com", "b");

        (low < high).ShouldBeTrue();
        (low <= high).ShouldBeTrue();
        (high > low).ShouldBeTrue();
        (high >= low).ShouldBeTrue();
        (high < low).ShouldBeFalse();
        (low >= high).ShouldBeFalse();
    }

    [Fact]
    public void Equals_SameParts_IsEqualWithSameHash()
    {
        var one = new ItemKey("example.com", "shop");
        var two = new ItemKey("example.com", "shop");

        one.ShouldBe(two);
        one.GetHashCode().ShouldBe(two.GetHashCode());
        one.ShouldNotBe(new ItemKey("example.com", "Shop"));
    }

    [Fact]
    public void FullAddress_Always_IsLocalPartAtSubDomain()
    {
        new ItemKey("mail.example.org", "old-bank").FullAddress.ShouldBe("old-bank@mail.example.org");
    }

    [Theory]
    [InlineData("", "shop")]
    [InlineData("example.com", "")]
    [InlineData(null, "shop")]
    [InlineData("example.com", null)]
    public void Constructor_EmptyOrNullPart_Throws(string? subDomain, string? localPart)
    {
        Should.Throw<ArgumentException>(() => new ItemKey(subDomain!, localPart!));
    }
}
