using TacoMail.Schema.Addresses;

namespace TacoMail.Schema.Tests.Addresses;

public sealed class AddressMaskTests
{
    [Theory]
    [InlineData("me@gmail.com", "m***@gmail.com")]
    [InlineData("first.last@example.org", "f***@example.org")]
    [InlineData("\U0001F600x@example.org", "\U0001F600***@example.org")]
    [InlineData("S3", "S3")]
    [InlineData("x@example.com", "***@example.com")]
    [InlineData("no-at-sign", "***")]
    public void Mask_Address_HidesTheMailbox(string address, string expected) =>
        AddressMask.Mask(address).ShouldBe(expected);

    [Fact]
    public void InText_SesErrorNamingAnIdentity_MasksEveryAddress() =>
        AddressMask.InText("Email address is not verified. The following identities failed the check in region US-EAST-1: me@gmail.com, <partner@fastmail.com>.")
            .ShouldBe("Email address is not verified. The following identities failed the check in region US-EAST-1: m***@gmail.com, <p***@fastmail.com>.");

    [Fact]
    public void InText_NoAddress_IsUnchanged() =>
        AddressMask.InText("Throttling: Maximum sending rate exceeded.").ShouldBe("Throttling: Maximum sending rate exceeded.");
}
