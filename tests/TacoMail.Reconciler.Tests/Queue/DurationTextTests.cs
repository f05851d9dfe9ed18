using TacoMail.Reconciler.Durations;

namespace TacoMail.Reconciler.Tests.Queue;

public sealed class DurationTextTests
{
    [Theory]
    [InlineData(0, "0 s")]
    [InlineData(45, "45 s")]
    [InlineData(60, "1 min")]
    [InlineData(12 * 60 + 59, "12 min")]
    [InlineData(2 * 3600, "2 h")]
    [InlineData(2 * 3600 + 10 * 60 + 30, "2 h 10 min")]
    [InlineData(24 * 3600, "1 d")]
    [InlineData(3 * 86400 + 4 * 3600 + 59 * 60, "3 d 4 h")]
    [InlineData(-30, "0 s")]
    public void Age_IsTwoUnitsAtMostTruncated(int seconds, string expected)
    {
        DurationText.Age(TimeSpan.FromSeconds(seconds)).ShouldBe(expected);
    }

    [Theory]
    [InlineData(5 * 1440, "5d")]
    [InlineData(36 * 60, "36h")]
    [InlineData(90, "90m")]
    [InlineData(0, "0m")]
    public void ToYaml_LargestWholeUnit_ReadsBackTheSame(int minutes, string expected)
    {
        var text = DurationText.ToYaml(TimeSpan.FromMinutes(minutes));

        text.ShouldBe(expected);
        DurationParser.IsYamlForm(text).ShouldBeTrue();
        DurationParser.TryParse(text, out var back).ShouldBeTrue();
        back.ShouldBe(TimeSpan.FromMinutes(minutes));
    }

    [Theory]
    [InlineData("5d", 5 * 86400)]
    [InlineData("1.5h", 5400)]
    [InlineData("30", 30)]
    [InlineData("250ms", 0.25)]
    public void TryParse_CommandLineForms_IncludingDays(string text, double seconds)
    {
        DurationParser.TryParse(text, out var duration).ShouldBeTrue();
        duration.ShouldBe(TimeSpan.FromSeconds(seconds));
    }

    [Theory]
    [InlineData("5 d")]
    [InlineData("-1h")]
    [InlineData("1w")]
    [InlineData("99999999999999999999999d")]
    public void TryParse_NotADurationOrTooLong_IsFalse(string text)
    {
        DurationParser.TryParse(text, out _).ShouldBeFalse();
    }
}
