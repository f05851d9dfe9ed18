using TacoMail.Schema.Addresses;

namespace TacoMail.Schema.Tests.Addresses;

public sealed class AliasAddressTests
{
    [Fact]
    public void TryParse_ValidAddress_SplitsAndNormalisesTheDomain()
    {
        AliasAddress.TryParse("shop@Bücher.Example", out var address, out var error).ShouldBeTrue();

        error.ShouldBeNull();
        address!.LocalPart.Value.ShouldBe("shop");
        address.Domain.Value.ShouldBe("xn--bcher-kva.example");
        address.ToString().ShouldBe("shop@xn--bcher-kva.example");
    }

    [Theory]
    [InlineData(null, AddressErrorKind.Invalid)]
    [InlineData("shop", AddressErrorKind.Invalid)]
    [InlineData("@example.com", AddressErrorKind.Invalid)]
    [InlineData("shop@", AddressErrorKind.Invalid)]
    [InlineData("Shop@example.com", AddressErrorKind.UpperCase)]
    [InlineData("shop+x@example.com", AddressErrorKind.SubAddressSeparator)]
    [InlineData("shop@tacomail-config", AddressErrorKind.Reserved)]
    public void TryParse_InvalidAddress_ReportsThePartsError(string? text, AddressErrorKind kind)
    {
        AliasAddress.TryParse(text, out var address, out var error).ShouldBeFalse();

        address.ShouldBeNull();
        error!.Kind.ShouldBe(kind);
    }

    [Fact]
    public void Constructor_NullPart_Throws() =>
        Should.Throw<ArgumentNullException>(() => new AliasAddress(null!, LocalPart.Parse("shop")));

    [Fact]
    public void Equals_SameDomainAndLocalPart_IsEqual() =>
        new AliasAddress(DomainName.Parse("example.com"), LocalPart.Parse("shop"))
            .ShouldBe(AliasAddress.Parse("shop@EXAMPLE.com"));

    [Fact]
    public void CompareTo_OrdersByDomainThenLocalPart()
    {
        string[] addresses = ["b@example.org", "z@example.com", "a@example.org", "a@example.com"];

        var sorted = addresses
            .Select(AliasAddress.Parse)
            .Order()
            .Select(address => address.ToString());

        sorted.ShouldBe(["a@example.com", "z@example.com", "a@example.org", "b@example.org"]);
        (AliasAddress.Parse("z@a.example") < AliasAddress.Parse("a@b.example")).ShouldBeTrue();
    }
}
