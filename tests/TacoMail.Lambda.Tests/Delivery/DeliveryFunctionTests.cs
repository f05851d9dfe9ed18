using TacoMail.Lambda.Configuration;
using TacoMail.Lambda.Delivery;
using TacoMail.Lambda.Delivery.Storage;
using TacoMail.Lambda.Tests.Hosting;

namespace TacoMail.Lambda.Tests.Delivery;

public sealed class DeliveryFunctionTests
{
    private static readonly (string, string)[] Complete =
    [
        ("TACOMAIL_TABLE", "aliases"),
        ("TACOMAIL_MAIL_BUCKET", "mail-bucket"),
        ("AWS_REGION", "eu-west-1"),
    ];

    [Fact]
    public void S3Config_EndpointOverride_UsesPathStyleAndTheRegionForSigning()
    {
        var config = S3ClientFactory.CreateConfig(
            new TestEnvironmentVariables(("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:4569")), "eu-west-1");

        config.ServiceURL.ShouldBe("http://127.0.0.1:4569/");
        config.ForcePathStyle.ShouldBeTrue();
        config.AuthenticationRegion.ShouldBe("eu-west-1");
    }

    [Fact]
    public void Options_TakeThePrefixesAndPolicyFromTheSettings()
    {
        var settings = LambdaSettingsReader.Read(new TestEnvironmentVariables([.. Complete, ("TACOMAIL_INCOMING_PREFIX", "in/")]));

        var options = DeliveryFunction.Options(settings, "/tmp");

        options.Bucket.ShouldBe("mail-bucket");
        options.IncomingPrefix.ShouldBe("in/");
        options.MailboxPrefix.ShouldBe("mailbox/");
        options.TableName.ShouldBe("aliases");
        options.MaxMessageBytes.ShouldBe(DeliveryOptions.SesMaxMessageBytes);
    }
}
