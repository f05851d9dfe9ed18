using TacoMail.Reconciler.Rendering;

namespace TacoMail.Reconciler.Tests.Rendering;

public sealed class PlanRendererFactoryTests
{
    [Theory]
    [InlineData("text", typeof(TextPlanRenderer))]
    [InlineData("markdown", typeof(MarkdownPlanRenderer))]
    [InlineData("json", typeof(JsonPlanRenderer))]
    public void Create_KnownFormat_ReturnsItsRenderer(string format, Type expected)
    {
        PlanRendererFactory.Create(format, MarkdownOptions.Default).ShouldBeOfType(expected);
    }

    [Theory]
    [InlineData("yaml")]
    [InlineData("Text")]
    [InlineData("")]
    public void Create_UnknownFormat_ThrowsNamingTheFormats(string format)
    {
        var error = Should.Throw<TacoMailException>(() => PlanRendererFactory.Create(format, MarkdownOptions.Default));

        error.Message.ShouldBe($"unknown plan format '{format}'; use one of: text, markdown, json.");
    }

    [Fact]
    public void Formats_ListsEveryFormatWithTextFirst()
    {
        PlanRendererFactory.Formats.ShouldBe(["text", "markdown", "json"]);
    }
}
