using System.Text;
using TacoMail.MailPath.Replies;

namespace TacoMail.MailPath.Tests.Replies;

public sealed class MessageIdMapTests
{
    private readonly MessageIdMap _map = new("example.com", "private.test");

    [Fact]
    public void Token_KnownInput_IsLowerCaseBase32OfTheFirstSixteenBytesOfSha256()
    {
        // SHA-256("abc") starts ba7816bf 8f01cfea 414140de 5dae2223; RFC 4648 base32 of those 16 bytes.
        MessageIdMap.Token("abc"u8).ShouldBe("xj4bnp4pahh6uqkbidpf3lrcem");
    }

    [Fact]
    public void Map_SameId_GivesTheSameIdAtTheAliasDomain()
    {
        var first = _map.Map("abc@private.test");

        first.ShouldBe(new MessageIdMap("example.com", "other.test").Map("abc@private.test"));
        first.ShouldMatch("^[a-z2-7]{26}@example\\.com$");
        _map.Map("abd@private.test").ShouldNotBe(first);
    }

    [Theory]
    [InlineData("abc@private.test")]
    [InlineData("abc@PRIVATE.Test")]
    [InlineData("abc@sub.private.test")]
    [InlineData("a@b@private.test")]
    public void Translate_OwnersId_IsMapped(string id)
    {
        _map.IsOwn(id).ShouldBeTrue();

        _map.Translate(id).ShouldBe(_map.Map(id));
    }

    [Theory]
    [InlineData("CAsender@mail.sender.test")]
    [InlineData("CAold@mail.gmail.com")]
    [InlineData("abc@notprivate.test")]
    [InlineData("abc@gmail.com")]
    [InlineData("no-at-sign")]
    public void Translate_SendersId_IsKept(string id)
    {
        _map.IsOwn(id).ShouldBeFalse();

        _map.Translate(id).ShouldBeSameAs(id);
    }

    [Fact]
    public void Stand_HeaderBytes_AreHashedLikeAnId()
    {
        _map.Stand(Encoding.UTF8.GetBytes("x@y")).ShouldBe(_map.Map("x@y"));
    }
}
