using TacoMail.Lambda.Hosting;
using TacoMail.Lambda.Runtime;

namespace TacoMail.Lambda.Tests.Hosting;

public sealed class CompositionRootTests
{
    private static readonly (string, string)[] Complete =
    [
        ("TACOMAIL_TABLE", "aliases"),
        ("TACOMAIL_MAIL_BUCKET", "mail-bucket"),
        ("AWS_REGION", "eu-west-1"),
    ];

    [Theory]
    [InlineData(HandlerNames.Disposition)]
    [InlineData(HandlerNames.Delivery)]
    public void Create_EachHandlerConfigured_BuildsIt(string name) =>
        CompositionRoot.Create(name, new TestEnvironmentVariables(Complete)).ShouldNotBeNull();

    [Theory]
    [InlineData("tacomail-echo")]
    [InlineData("DISPOSITION")]
    public void Create_UnknownName_ThrowsNoSuchHandlerListingTheNames(string name)
    {
        var exception = Should.Throw<StartupException>(() => CompositionRoot.Create(name, new TestEnvironmentVariables(Complete)));

        exception.ErrorType.ShouldBe(RuntimeErrorTypes.NoSuchHandler);
        exception.Message.ShouldBe($"Unknown handler '{name}'; this binary serves delivery, disposition.");
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void Create_NoName_ThrowsNoSuchHandler(string? name) =>
        Should.Throw<StartupException>(() => CompositionRoot.Create(name, new TestEnvironmentVariables(Complete)))
            .ErrorType.ShouldBe(RuntimeErrorTypes.NoSuchHandler);

    [Theory]
    [InlineData(HandlerNames.Disposition)]
    [InlineData(HandlerNames.Delivery)]
    public void Create_NoTable_ThrowsConfigInvalidForEitherHandler(string name)
    {
        var exception = Should.Throw<StartupException>(() => CompositionRoot.Create(name, new TestEnvironmentVariables(("AWS_REGION", "eu-west-1"))));

        exception.ErrorType.ShouldBe(RuntimeErrorTypes.ConfigInvalid);
        exception.Message.ShouldBe("Invalid configuration: TACOMAIL_TABLE is not set.");
    }

    [Fact]
    public void Create_DeliveryWithoutMailBucket_ThrowsConfigInvalid()
    {
        var environment = new TestEnvironmentVariables([.. Complete.Where(v => v.Item1 != "TACOMAIL_MAIL_BUCKET")]);

        var exception = Should.Throw<StartupException>(() => CompositionRoot.Create(HandlerNames.Delivery, environment));

        exception.ErrorType.ShouldBe(RuntimeErrorTypes.ConfigInvalid);
        exception.Message.ShouldContain("TACOMAIL_MAIL_BUCKET");
    }

    [Fact]
    public void Create_DeliveryWithMalformedS3Endpoint_ThrowsConfigInvalid()
    {
        var environment = new TestEnvironmentVariables([.. Complete, ("AWS_ENDPOINT_URL_S3", "not a url")]);

        var exception = Should.Throw<StartupException>(() => CompositionRoot.Create(HandlerNames.Delivery, environment));

        exception.ErrorType.ShouldBe(RuntimeErrorTypes.ConfigInvalid);
        exception.Message.ShouldContain("AWS_ENDPOINT_URL_S3");
    }

    [Fact]
    public void Create_DispositionWithMalformedSesEndpoint_ThrowsConfigInvalid()
    {
        var environment = new TestEnvironmentVariables([.. Complete, ("AWS_ENDPOINT_URL_SES", "not a url")]);

        Should.Throw<StartupException>(() => CompositionRoot.Create(HandlerNames.Disposition, environment))
            .ErrorType.ShouldBe(RuntimeErrorTypes.ConfigInvalid);
    }
}
