using TacoMail.Schema.Routing;

namespace TacoMail.Schema.Tests.Routing;

public sealed class MessagePolicyNamesTests
{
    [Theory]
    [InlineData("drop", SpamPolicy.Drop)]
    [InlineData(" Deliver ", SpamPolicy.Deliver)]
    public void TryParseSpamPolicy_KnownName_Parses(string text, SpamPolicy expected)
    {
        MessagePolicyNames.TryParseSpamPolicy(text, out var policy).ShouldBeTrue();
        policy.ShouldBe(expected);
    }

    [Theory]
    [InlineData("authenticated", BouncePolicy.Authenticated)]
    [InlineData("ALWAYS", BouncePolicy.Always)]
    [InlineData("never", BouncePolicy.Never)]
    public void TryParseBouncePolicy_KnownName_Parses(string text, BouncePolicy expected)
    {
        MessagePolicyNames.TryParseBouncePolicy(text, out var policy).ShouldBeTrue();
        policy.ShouldBe(expected);
    }

    [Theory]
    [InlineData("")]
    [InlineData("sometimes")]
    [InlineData(null)]
    public void TryParse_UnknownName_Fails(string? text)
    {
        MessagePolicyNames.TryParseSpamPolicy(text, out var spam).ShouldBeFalse();
        spam.ShouldBeNull();
        MessagePolicyNames.TryParseBouncePolicy(text, out var bounce).ShouldBeFalse();
        bounce.ShouldBeNull();
    }

    [Fact]
    public void ToName_EveryPolicy_ParsesBack()
    {
        foreach (var policy in Enum.GetValues<SpamPolicy>())
        {
            MessagePolicyNames.TryParseSpamPolicy(policy.ToName(), out var parsed).ShouldBeTrue();
            parsed.ShouldBe(policy);
        }

        foreach (var policy in Enum.GetValues<BouncePolicy>())
        {
            MessagePolicyNames.TryParseBouncePolicy(policy.ToName(), out var parsed).ShouldBeTrue();
            parsed.ShouldBe(policy);
        }
    }

    [Fact]
    public void Lists_NameEveryPolicy()
    {
        MessagePolicyNames.SpamPolicies.ShouldBe(Enum.GetValues<SpamPolicy>().Select(p => p.ToName()));
        MessagePolicyNames.BouncePolicies.ShouldBe(Enum.GetValues<BouncePolicy>().Select(p => p.ToName()));
    }
}
