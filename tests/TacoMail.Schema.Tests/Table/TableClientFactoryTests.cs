using TacoMail.Schema.Table;

namespace TacoMail.Schema.Tests.Table;

public sealed class TableClientFactoryTests
{
    [Fact]
    public void CreateConfig_Endpoint_SignsInTheGivenRegionOrTheFallback()
    {
        var endpoint = new Uri("http://127.0.0.1:8000");

        TableClientFactory.CreateConfig(endpoint, "eu-west-1").AuthenticationRegion.ShouldBe("eu-west-1");
        TableClientFactory.CreateConfig(endpoint, region: null).AuthenticationRegion.ShouldBe(TableClientFactory.FallbackRegion);
        TableClientFactory.CreateConfig(endpoint, region: null).ServiceURL.ShouldBe("http://127.0.0.1:8000/");
    }

    [Fact]
    public void CreateConfig_Aws_UsesTheRegionAndNoConfiguredEndpoint()
    {
        var config = TableClientFactory.CreateConfig(endpoint: null, "eu-central-1");

        config.RegionEndpoint.SystemName.ShouldBe("eu-central-1");
        config.ServiceURL.ShouldBeNull();
        config.IgnoreConfiguredEndpointUrls.ShouldBeTrue();
    }

    [Fact]
    public void ForEmulator_AppliesTheCallersTuning()
    {
        using var client = TableClientFactory.ForEmulator(new Uri("http://127.0.0.1:8000"), config => config.MaxErrorRetry = 0);

        client.Config.MaxErrorRetry.ShouldBe(0);
        client.Config.ServiceURL.ShouldBe("http://127.0.0.1:8000/");
    }

    [Fact]
    public void Create_NothingFoundForALoopbackEndpoint_SignsWithTheEmulatorKeys()
    {
        var config = TableClientFactory.CreateConfig(new Uri("http://localhost:8000"), region: null);

        using var client = TableClientFactory.Create(config, _ => null, _ => null);

        SigningKey(client).ShouldBe(TableClientFactory.EmulatorAccessKey);
    }

    [Fact]
    public void Create_KeysFound_SignsWithThem()
    {
        var config = TableClientFactory.CreateConfig(new Uri("http://localhost:8000"), region: null);

        using var client = TableClientFactory.Create(config, name => name switch
        {
            "AWS_ACCESS_KEY_ID" => "alice",
            "AWS_SECRET_ACCESS_KEY" => "secret",
            _ => null,
        });

        SigningKey(client).ShouldBe("alice");
    }

    /// <summary>The access key a client was built with (the SDK keeps explicit credentials on the client).</summary>
    private static string SigningKey(Amazon.DynamoDBv2.AmazonDynamoDBClient client) =>
        ((Amazon.Runtime.AWSCredentials)typeof(Amazon.Runtime.AmazonServiceClient)
            .GetProperty("ExplicitAWSCredentials", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!
            .GetValue(client)!).GetCredentials().AccessKey;
}
