using System.Collections.Immutable;

namespace TacoMail.Reconciler.Stats;

/// <summary>
/// Maps the <c>--format</c> value of <c>tacomail stats</c> to its renderer, so that the names of
/// the formats are spelled once and an unknown name is refused instead of falling back to text.
/// </summary>
internal static class StatsRendererFactory
{
    public const string Text = "text";
    public const string Markdown = "markdown";
    public const string Json = "json";

    /// <summary>The accepted <c>--format</c> values, the default first.</summary>
    public static ImmutableArray<string> Formats { get; } = [Text, Markdown, Json];

    /// <param name="format">A value of <see cref="Formats"/> (case-sensitive, like every CLI value).</param>
    /// <param name="maskDestinations">Show destinations as <c>m***@gmail.com</c>, in every format.</param>
    /// <exception cref="TacoMailException"><paramref name="format"/> is not one of <see cref="Formats"/>.</exception>
    public static IStatsRenderer Create(string format, bool maskDestinations)
    {
        ArgumentNullException.ThrowIfNull(format);
        return format switch
        {
            Text => new StatsTextRenderer(maskDestinations),
            Markdown => new StatsMarkdownRenderer(maskDestinations),
            Json => new StatsJsonRenderer(maskDestinations),
            _ => throw new TacoMailException($"unknown stats format '{format}'; use one of: {string.Join(", ", Formats)}."),
        };
    }
}
