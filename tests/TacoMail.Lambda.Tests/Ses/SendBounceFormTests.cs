using TacoMail.Lambda.Ses;

namespace TacoMail.Lambda.Tests.Ses;

public sealed class SendBounceFormTests
{
    private static readonly BounceRequest TwoRecipients =
        new("orig-id", "bounces@example.com", ["a@example.com", "b@example.com"]);

    [Fact]
    public void Fields_TwoRecipients_NumbersMembersFromOneWithDoesNotExist()
    {
        var fields = SendBounceForm.Fields(TwoRecipients);

        fields.ShouldBe(
        [
            new("Action", "SendBounce"),
            new("Version", "2010-12-01"),
            new("OriginalMessageId", "orig-id"),
            new("BounceSender", "bounces@example.com"),
            new("BouncedRecipientInfoList.member.1.Recipient", "a@example.com"),
            new("BouncedRecipientInfoList.member.1.BounceType", "DoesNotExist"),
            new("BouncedRecipientInfoList.member.2.Recipient", "b@example.com"),
            new("BouncedRecipientInfoList.member.2.BounceType", "DoesNotExist"),
        ]);
    }

    [Fact]
    public void Fields_WithExplanation_AddsExplanation() =>
        SendBounceForm.Fields(TwoRecipients, "No such alias.")
            .ShouldContain(new KeyValuePair<string, string>("Explanation", "No such alias."));

    [Fact]
    public void Fields_NoRecipients_Throws() =>
        Should.Throw<ArgumentException>(() => SendBounceForm.Fields(TwoRecipients with { Recipients = [] }));

    [Fact]
    public void Fields_BlankBounceSender_Throws() =>
        Should.Throw<ArgumentException>(() => SendBounceForm.Fields(TwoRecipients with { BounceSender = " " }));

    [Fact]
    public void Encode_SpecialCharacters_UsesRfc3986PercentEncoding() =>
        SesQueryForm.Encode([new("BounceSender", "a+b c@ex.com"), new("Explanation", "ünknown & gone")])
            .ShouldBe("BounceSender=a%2Bb%20c%40ex.com&Explanation=%C3%BCnknown%20%26%20gone");
}
