using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Testing;
using TacoMail.Reconciler.Planning;
using TacoMail.Reconciler.Rendering;

namespace TacoMail.Reconciler.Tests.Rendering;

/// <summary>A plan as the text and JSON renderers write it, for tests that read a rendered plan.</summary>
internal static class RenderedPlan
{
    /// <summary>The text view without colour, 200 columns wide, with line feeds only.</summary>
    public static string Text(Plan plan)
    {
        using var console = new TestConsole().Colors(ColorSystem.NoColors).Width(200);
        new TextPlanRenderer().Render(plan, console);
        return console.Output.ReplaceLineEndings("\n");
    }

    /// <summary>The JSON view, parsed.</summary>
    public static JsonDocument Json(Plan plan)
    {
        using var stream = new MemoryStream();
        JsonPlanRenderer.Write(plan, stream);
        return JsonDocument.Parse(stream.ToArray());
    }
}
