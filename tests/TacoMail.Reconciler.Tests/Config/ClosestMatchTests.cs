using TacoMail.Reconciler.Config;

namespace TacoMail.Reconciler.Tests.Config;

public sealed class ClosestMatchTests
{
    [Theory]
    [InlineData("me@gmial.com", "me@gmail.com")]
    [InlineData("nme", "name")]
    [InlineData("Destinations", "destinations")]
    [InlineData("activ", "active")]
    public void Find_Typo_ReturnsTheIntendedCandidate(string value, string expected) =>
        ClosestMatch.Find(value, ["me@gmail.com", "name", "destinations", "active", "paused"]).ShouldBe(expected);

    [Fact]
    public void Find_NothingClose_ReturnsNull() =>
        ClosestMatch.Find("bounce", ["me@gmail.com", "S3"]).ShouldBeNull();

    [Fact]
    public void Find_ExactValue_IsNotSuggested() =>
        ClosestMatch.Find("shop", ["shop"]).ShouldBeNull();

    [Theory]
    [InlineData("ab", "ba", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    public void Distance_TwoStrings_CountsEditsWithTranspositions(string a, string b, int expected) =>
        ClosestMatch.Distance(a, b).ShouldBe(expected);
}
