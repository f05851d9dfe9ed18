using Amazon;
using TacoMail.Lambda.Configuration;
using TacoMail.Schema.Table;

namespace TacoMail.Lambda.Tests.Configuration;

public sealed class DynamoDbClientFactoryTests
{
    private static readonly LambdaSettings Settings = new() { TableName = "aliases" };

    [Fact]
    public void CreateConfig_Endpoint_SetsServiceUrlAndSigningRegion()
    {
        var config = DynamoDbClientFactory.CreateConfig(Settings with
        {
            DynamoDbEndpoint = new Uri("http://127.0.0.1:8000"),
            Region = "eu-west-1",
        });

        config.ServiceURL.ShouldBe("http://127.0.0.1:8000/");
        config.AuthenticationRegion.ShouldBe("eu-west-1");
    }

    [Fact]
    public void CreateConfig_EndpointWithoutRegion_SignsForFallbackRegion() =>
        DynamoDbClientFactory.CreateConfig(Settings with { DynamoDbEndpoint = new Uri("http://127.0.0.1:8000") })
            .AuthenticationRegion.ShouldBe(TableClientFactory.FallbackRegion);

    [Fact]
    public void CreateConfig_Region_SetsRegionEndpoint()
    {
        var config = DynamoDbClientFactory.CreateConfig(Settings with { Region = "eu-central-1" });

        config.RegionEndpoint.ShouldBe(RegionEndpoint.EUCentral1);
        config.ServiceURL.ShouldBeNull();
    }

    [Fact]
    public void CreateConfig_Always_LimitsRetriesAndRequestTime()
    {
        var config = DynamoDbClientFactory.CreateConfig(Settings);

        config.MaxErrorRetry.ShouldBe(DynamoDbClientFactory.MaxErrorRetry);
        config.Timeout.ShouldBe(DynamoDbClientFactory.RequestTimeout);
    }
}
