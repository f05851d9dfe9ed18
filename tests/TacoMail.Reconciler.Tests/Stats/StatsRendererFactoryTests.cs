using TacoMail.Reconciler.Stats;

namespace TacoMail.Reconciler.Tests.Stats;

public sealed class StatsRendererFactoryTests
{
    [Theory]
    [InlineData("text", typeof(StatsTextRenderer))]
    [InlineData("markdown", typeof(StatsMarkdownRenderer))]
    [InlineData("json", typeof(StatsJsonRenderer))]
    public void Create_KnownFormat_ReturnsItsRenderer(string format, Type expected)
    {
        StatsRendererFactory.Create(format, maskDestinations: false).ShouldBeOfType(expected);
    }

    [Theory]
    [InlineData("JSON")]
    [InlineData("yaml")]
    public void Create_UnknownFormat_IsRefused(string format)
    {
        Should.Throw<TacoMailException>(() => StatsRendererFactory.Create(format, maskDestinations: false))
            .Message.ShouldBe($"unknown stats format '{format}'; use one of: text, markdown, json.");
    }
}
