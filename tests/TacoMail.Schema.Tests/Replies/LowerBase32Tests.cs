using System.Text;
using TacoMail.Schema.Replies;

namespace TacoMail.Schema.Tests.Replies;

public sealed class LowerBase32Tests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("f", "my")]
    [InlineData("fo", "mzxq")]
    [InlineData("foo", "mzxw6")]
    [InlineData("foob", "mzxw6yq")]
    [InlineData("fooba", "mzxw6ytb")]
    [InlineData("foobar", "mzxw6ytboi")]
    public void Encode_Rfc4648Vectors_InLowerCaseWithoutPadding(string input, string expected) =>
        LowerBase32.Encode(Encoding.ASCII.GetBytes(input)).ShouldBe(expected);

    [Theory]
    [InlineData("abcxyz234567", true)]
    [InlineData("abc1", false)]
    [InlineData("ABC", false)]
    [InlineData("", true)]
    public void IsEncoded_OnlyTheAlphabet(string text, bool expected) => LowerBase32.IsEncoded(text).ShouldBe(expected);
}
