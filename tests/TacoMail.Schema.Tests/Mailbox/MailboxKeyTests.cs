using TacoMail.Schema.Mailbox;
using TacoMail.Schema.Records;

namespace TacoMail.Schema.Tests.Mailbox;

public sealed class MailboxKeyTests
{
    private static readonly DateTimeOffset Received = new(2025, 5, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void For_IsTheMailboxPathOfTheMaildirName()
    {
        var alias = new ItemKey("example.com", "newsletters");

        MailboxKey.For("mailbox/", alias, "msg-1", Received)
            .ShouldBe("mailbox/example.com/newsletters/new/" + MaildirName.For(alias, "msg-1", Received));
    }

    [Fact]
    public void TryParse_WhatTheDeliveryWrites_GivesItsParts()
    {
        var alias = new ItemKey("xn--bcher-kva.example", "shop");

        var key = MailboxKey.TryParse("mailbox/", MailboxKey.For("mailbox/", alias, "msg-1", Received));

        key.ShouldBe(new MailboxKey("xn--bcher-kva.example", "shop", MaildirName.For(alias, "msg-1", Received)));
    }

    [Fact]
    public void TryParse_EmptyPrefix_ReadsTheKeyFromTheStart() =>
        MailboxKey.TryParse(string.Empty, "example.com/shop/new/1.M2.host")!.Value.FileName.ShouldBe("1.M2.host");

    [Fact]
    public void FolderOf_IsWhatTryParseReadsBelow() =>
        MailboxKey.TryParse("m/", MailboxKey.FolderOf("m/", "example.com", "shop") + "1.M2.host").ShouldBe(new MailboxKey("example.com", "shop", "1.M2.host"));

    [Theory]
    [InlineData("incoming/abc")]
    [InlineData("mailbox/example.com/shop/cur/1.M2.host")]
    [InlineData("mailbox/example.com/shop/tmp/1.M2.host")]
    [InlineData("mailbox/example.com/shop/new/")]
    [InlineData("mailbox/example.com/shop/new/.1.M2.host")]
    [InlineData("mailbox/example.com/shop/new/1.M2.host:2,S")]
    [InlineData("mailbox/example.com/new/1.M2.host")]
    [InlineData("mailbox/example.com/shop/extra/new/1.M2.host")]
    [InlineData("mailbox//shop/new/1.M2.host")]
    public void TryParse_KeyOutsideTheLayout_ReturnsNull(string key) =>
        MailboxKey.TryParse("mailbox/", key).ShouldBeNull();
}
