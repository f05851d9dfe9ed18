using TacoMail.Schema.Mailbox;
using TacoMail.Schema.Records;

namespace TacoMail.Schema.Tests.Mailbox;

public sealed class MaildirNameTests
{
    private static readonly ItemKey Alias = new("example.com", "newsletters");
    private static readonly DateTimeOffset Received = new(2025, 5, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void For_IsTimeUniqueAndHost()
    {
        MaildirName.For(Alias, "msg-1", Received).ShouldMatch(@"^1746093600\.T[0-9a-f]{32}\.tacomail$");
    }

    [Fact]
    public void For_SameMessageAndAlias_IsTheSameEveryTime()
    {
        MaildirName.For(Alias, "msg-1", Received).ShouldBe(MaildirName.For(Alias, "msg-1", Received));
    }

    [Fact]
    public void For_OtherMessageOrAlias_Differs()
    {
        var name = MaildirName.For(Alias, "msg-1", Received);

        MaildirName.For(Alias, "msg-2", Received).ShouldNotBe(name);
        MaildirName.For(new ItemKey("example.com", "shop"), "msg-1", Received).ShouldNotBe(name);
    }

    [Fact]
    public void For_WhatTheDeliveryWrites_IsAValidUniqueName() =>
        MaildirName.IsValidUniqueName(MaildirName.For(Alias, "msg-1", Received)).ShouldBeTrue();

    [Theory]
    [InlineData("1764417600.M1P2.host:2,S", "1764417600.M1P2.host")]
    [InlineData("1764417600.M1P2.host:2,", "1764417600.M1P2.host")]
    [InlineData("1764417600.M1P2.host", "1764417600.M1P2.host")]
    public void UniquePart_FileName_DropsTheInfoPart(string fileName, string expected) =>
        MaildirName.UniquePart(fileName).ShouldBe(expected);

    [Theory]
    [InlineData("1764417600.M1P2.host", true)]
    [InlineData("1764417600.M1P2.host,S=1234", true)]
    [InlineData("", false)]
    [InlineData(".hidden", false)]
    [InlineData("..", false)]
    [InlineData("a:2,S", false)]
    [InlineData("a\\b", false)]
    [InlineData("a\nb", false)]
    public void IsValidUniqueName_Name_AcceptsOnlyPlainUniqueNames(string name, bool valid) =>
        MaildirName.IsValidUniqueName(name).ShouldBe(valid);

    [Fact]
    public void IsValidUniqueName_LongerThanAFileNameCanBe_IsFalse() =>
        MaildirName.IsValidUniqueName(new string('a', 256)).ShouldBeFalse();
}
