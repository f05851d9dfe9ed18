using TacoMail.Schema.Addresses;

namespace TacoMail.Schema.Tests.Addresses;

public sealed class EmailAddressTests
{
    [Fact]
    public void TryParse_ValidAddress_ExposesItsParts()
    {
        EmailAddress.TryParse("Mailer-Daemon@Example.COM", out var address, out _).ShouldBeTrue();

        address!.LocalPart.ShouldBe("Mailer-Daemon");
        address.Domain.Value.ShouldBe("example.com");
        address.ToString().ShouldBe("Mailer-Daemon@example.com");
    }

    [Fact]
    public void TryParse_S3Literal_IsNotAnEmailAddress() =>
        EmailAddress.TryParse("S3", out _, out _).ShouldBeFalse();

    [Fact]
    public void TryParse_LocalPartOfSixtyFiveCharacters_IsInvalid() =>
        EmailAddress.TryParse(new string('a', 65) + "@example.com", out _, out _).ShouldBeFalse();
}
