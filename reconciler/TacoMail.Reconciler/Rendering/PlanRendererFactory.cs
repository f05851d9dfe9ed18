using System.Collections.Immutable;

namespace TacoMail.Reconciler.Rendering;

/// <summary>
/// Maps the <c>--format</c> value of <c>tacomail plan</c> to its renderer, so that the names of
/// the formats are spelled once and an unknown name is refused instead of falling back to text.
/// </summary>
internal static class PlanRendererFactory
{
    public const string Text = "text";
    public const string Markdown = "markdown";
    public const string Json = "json";

    /// <summary>The accepted <c>--format</c> values, the default first.</summary>
    public static ImmutableArray<string> Formats { get; } = [Text, Markdown, Json];

    /// <param name="format">A value of <see cref="Formats"/> (case-sensitive, like every CLI value).</param>
    /// <param name="markdownOptions">The markdown renderer's options; its <see cref="MarkdownOptions.MaskDestinations"/> masks every format.</param>
    /// <exception cref="TacoMailException"><paramref name="format"/> is not one of <see cref="Formats"/>.</exception>
    public static IPlanRenderer Create(string format, MarkdownOptions markdownOptions)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(markdownOptions);
        return format switch
        {
            Text => new TextPlanRenderer(markdownOptions.MaskDestinations),
            Markdown => new MarkdownPlanRenderer(markdownOptions),
            Json => new JsonPlanRenderer(markdownOptions.MaskDestinations),
            _ => throw new TacoMailException(
                $"unknown plan format '{format}'; use one of: {string.Join(", ", Formats)}."),
        };
    }
}
