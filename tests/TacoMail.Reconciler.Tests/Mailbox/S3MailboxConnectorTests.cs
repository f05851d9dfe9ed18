using Amazon.Runtime;
using Amazon.S3;
using TacoMail.Reconciler.Mailbox;
using TacoMail.Schema.Settings;
using TacoMail.Testing;

namespace TacoMail.Reconciler.Tests.Mailbox;

public sealed class S3MailboxConnectorTests
{
    private static readonly Dictionary<string, string> Keys = new()
    {
        ["AWS_ACCESS_KEY_ID"] = "AKIDEXAMPLE",
        ["AWS_SECRET_ACCESS_KEY"] = "secret",
    };

    [Fact]
    public void Connect_NoCredentialsAnywhere_ThrowsSayingWhatToSet()
    {
        var connector = new S3MailboxConnector(new TestEnvironment(), _ => null);

        var exception = Should.Throw<TacoMailException>(() => connector.Connect("mail", "http://127.0.0.1:9", null));

        exception.Message.ShouldContain("AWS_ACCESS_KEY_ID");
        exception.Message.ShouldContain("AWS_PROFILE");
    }

    [Fact]
    public void Connect_NoKeysInTheEnvironment_AsksTheCredentialChain()
    {
        var chained = new BasicAWSCredentials("CHAINED", "secret");
        var connector = new S3MailboxConnector(new TestEnvironment(), _ => chained);

        using var store = connector.Connect("mail", "http://127.0.0.1:9", null);

        store.Description.ShouldBe("s3://mail at http://127.0.0.1:9");
    }

    [Fact]
    public void Connect_KeysInTheEnvironment_DoesNotAskTheChain()
    {
        var connector = new S3MailboxConnector(new TestEnvironment(Keys), _ => throw new ShouldAssertException("the chain was asked"));

        using var store = connector.Connect("mail", "http://127.0.0.1:9", null);

        store.ShouldNotBeNull();
    }

    [Fact]
    public void Connect_EndpointFromTheEnvironment_UsesPathStyleRequestsToIt()
    {
        var environment = new TestEnvironment(new Dictionary<string, string>(Keys) { [EnvironmentVariableNames.S3Endpoint] = "http://127.0.0.1:4568/" });

        using var store = new S3MailboxConnector(environment, _ => null).Connect("mail", null, null);

        var config = (AmazonS3Config)((AmazonS3Client)store.Client).Config;
        config.ServiceURL.ShouldBe("http://127.0.0.1:4568/");
        config.ForcePathStyle.ShouldBeTrue();
        config.AuthenticationRegion.ShouldBe(S3MailboxConnector.DefaultRegion);
    }

    [Fact]
    public void Connect_EndpointOption_WinsOverTheEnvironment()
    {
        var environment = new TestEnvironment(new Dictionary<string, string>(Keys) { [EnvironmentVariableNames.S3Endpoint] = "http://127.0.0.1:1/" });

        using var store = new S3MailboxConnector(environment, _ => null).Connect("mail", "http://127.0.0.1:2", "eu-west-1");

        store.Description.ShouldBe("s3://mail at http://127.0.0.1:2");
        ((AmazonS3Client)store.Client).Config.AuthenticationRegion.ShouldBe("eu-west-1");
    }

    [Fact]
    public void Connect_NoEndpointWithRegion_TargetsAwsInThatRegion()
    {
        using var store = new S3MailboxConnector(new TestEnvironment(Keys), _ => null).Connect("mail", null, "eu-central-1");

        store.Description.ShouldBe("s3://mail in eu-central-1");
        ((AmazonS3Client)store.Client).Config.ServiceURL.ShouldBeNull();
    }

    [Theory]
    [InlineData("localhost:4568")]
    [InlineData("ftp://127.0.0.1/")]
    public void Connect_EndpointNotAnHttpUrl_ThrowsNamingTheOptionAndVariable(string endpoint)
    {
        var exception = Should.Throw<TacoMailException>(() => new S3MailboxConnector(new TestEnvironment(Keys), _ => null).Connect("mail", endpoint, null));

        exception.Message.ShouldContain("--endpoint-s3");
        exception.Message.ShouldContain(EnvironmentVariableNames.S3Endpoint);
    }
}
