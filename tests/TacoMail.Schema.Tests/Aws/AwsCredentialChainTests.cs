using Amazon.DynamoDBv2;
using Amazon.Runtime;
using TacoMail.Schema.Aws;
using TacoMail.Schema.Table;

namespace TacoMail.Schema.Tests.Aws;

public sealed class AwsCredentialChainTests
{
    private static readonly AmazonDynamoDBConfig Loopback = TableClientFactory.CreateConfig(new Uri("http://localhost:8000"), region: null);
    private static readonly AmazonDynamoDBConfig Remote = TableClientFactory.CreateConfig(new Uri("https://dynamodb.example.net"), region: null);
    private static readonly BasicAWSCredentials Chained = new("CHAINED", "secret");

    [Fact]
    public void Find_KeysInTheEnvironment_WinOverTheChain()
    {
        var credentials = AwsCredentialChain.Find(Loopback, Variables(("AWS_ACCESS_KEY_ID", "AKID"), ("AWS_SECRET_ACCESS_KEY", "s")), _ => Chained);

        credentials.ShouldBeOfType<BasicAWSCredentials>().GetCredentials().AccessKey.ShouldBe("AKID");
    }

    [Fact]
    public void Find_SessionToken_GivesSessionCredentials()
    {
        var credentials = AwsCredentialChain.Find(
            Remote, Variables(("AWS_ACCESS_KEY_ID", "AKID"), ("AWS_SECRET_ACCESS_KEY", "s"), ("AWS_SESSION_TOKEN", "t")), _ => null);

        credentials.ShouldBeOfType<SessionAWSCredentials>().GetCredentials().Token.ShouldBe("t");
    }

    [Fact]
    public void Find_OnlyAnAccessKey_AsksTheChain()
    {
        AwsCredentialChain.Find(Loopback, Variables(("AWS_ACCESS_KEY_ID", "AKID")), _ => Chained).ShouldBeSameAs(Chained);
    }

    [Fact]
    public void Find_NothingFound_GivesNone()
    {
        AwsCredentialChain.Find(Loopback, Variables(), _ => null).ShouldBeNull();
        AwsCredentialChain.Find(Remote, Variables(), _ => null).ShouldBeNull();
    }

    [Theory]
    [InlineData("http://localhost:8000", true)]
    [InlineData("http://127.0.0.2:8000", true)]
    [InlineData("http://[::1]:8000", true)]
    [InlineData("http://10.0.0.5:8000", false)]
    [InlineData("https://dynamodb.eu-west-1.amazonaws.com", false)]
    [InlineData(null, false)]
    public void IsLoopback_NamesOnlyThisMachine(string? url, bool expected) =>
        AwsCredentialChain.IsLoopback(url).ShouldBe(expected);

    private static Func<string, string?> Variables(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;
}
