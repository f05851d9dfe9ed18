using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TacoMail.Reconciler.Rendering;

namespace TacoMail.Reconciler.Cli;

/// <summary>The options of the commands that show a plan: <c>plan</c> and <c>drift</c>.</summary>
internal class PlanViewSettings : CommonSettings
{
    [CommandOption("--format <FORMAT>")]
    [Description("text (terminals), markdown (pull-request comments, issues) or json (machines).")]
    [DefaultValue(PlanRendererFactory.Text)]
    public string Format { get; init; } = PlanRendererFactory.Text;

    [CommandOption("--detailed-exitcode")]
    [Description("Exit 2 when there are changes (0: none, 1: error).")]
    public bool DetailedExitCode { get; init; }

    [CommandOption("--mask-destinations")]
    [Description("Show destinations as m***@example.com in every format (for public pull requests, issues and CI logs).")]
    public bool MaskDestinations { get; init; }

    /// <summary>Whether the output is for a terminal, which also gets progress and hints.</summary>
    public bool IsText => Format == PlanRendererFactory.Text;

    /// <summary>The renderer <see cref="Format"/> names.</summary>
    public IPlanRenderer Renderer() =>
        PlanRendererFactory.Create(Format, MarkdownOptions.Default with { MaskDestinations = MaskDestinations });

    public override ValidationResult Validate() =>
        PlanRendererFactory.Formats.Contains(Format, StringComparer.Ordinal)
            ? ValidationResult.Success()
            : ValidationResult.Error($"--format must be one of: {string.Join(", ", PlanRendererFactory.Formats)}");
}
