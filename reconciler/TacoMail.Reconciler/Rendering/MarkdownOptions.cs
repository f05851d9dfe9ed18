namespace TacoMail.Reconciler.Rendering;

/// <summary>
/// How a markdown plan is written for a pull-request comment: public repositories may not want
/// the real mailboxes behind their aliases shown, and GitHub refuses comments over 65,536
/// characters, so the plan is shortened to fit <see cref="MaxLength"/>.
/// </summary>
/// <remarks>Throws <see cref="ArgumentOutOfRangeException"/> when <see cref="MaxLength"/> is below <see cref="MinimumMaxLength"/>.</remarks>
internal sealed record MarkdownOptions
{
    public const int DefaultMaxLength = 65_000;

    /// <summary>Room for the title, the summary table, the safety warning and the closing note.</summary>
    public const int MinimumMaxLength = 2_000;

    public static MarkdownOptions Default { get; } = new();

    /// <summary>Show destination addresses as <c>m***@gmail.com</c>.</summary>
    public bool MaskDestinations { get; init; }

    /// <summary>The output is always shorter than this many characters.</summary>
    public int MaxLength
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, MinimumMaxLength, nameof(MaxLength));
            field = value;
        }
    } = DefaultMaxLength;
}
