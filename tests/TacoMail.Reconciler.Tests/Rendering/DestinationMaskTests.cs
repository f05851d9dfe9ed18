using TacoMail.Reconciler.Rendering;

namespace TacoMail.Reconciler.Tests.Rendering;

public sealed class DestinationMaskTests
{
    [Theory]
    [InlineData("me@gmail.com", "m***@gmail.com")]
    [InlineData("first.last@example.org", "f***@example.org")]
    [InlineData("S3", "S3")]
    [InlineData("x@example.org", "***@example.org")]
    [InlineData("not-an-address", "***")]
    [InlineData("\U0001F600x@example.org", "\U0001F600***@example.org")]
    public void Mask_Destination_KeepsFirstCharacterAndDomain(string destination, string expected)
    {
        DestinationMask.Mask(destination).ShouldBe(expected);
    }
}
