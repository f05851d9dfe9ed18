using TacoMail.Reconciler.Rendering;

namespace TacoMail.Reconciler.Tests.Rendering;

public sealed partial class MarkdownPlanRendererTests
{
    [Fact]
    public void Render_Masked_ShowsNoDestinationAddress()
    {
        var output = MarkdownPlanRenderer.Render(PlanFixtures.Mixed(), Masked);

        output.ShouldNotContain(PlanFixtures.Gmail);
        output.ShouldNotContain(PlanFixtures.Friend);
    }

    [Fact]
    public void Render_Masked_MasksBeforeAndAfterValues()
    {
        var output = MarkdownPlanRenderer.Render(PlanFixtures.Mixed(), Masked);

        output.ShouldContain("-    destination: m***@gmail.com\n+    destination: S3\n");
        output.ShouldContain("+ create news@example.com\n+    destination: m***@gmail.com\n");
        output.ShouldContain("- delete old@example.com\n-    destination: f***@example.org\n");
    }

    [Fact]
    public void Render_Masked_KeepsAliasAddressesAndS3()
    {
        var output = MarkdownPlanRenderer.Render(PlanFixtures.Mixed(), Masked);

        output.ShouldContain("! update bank@example.com\n");
        output.ShouldContain("+ create hello@mail.example.org\n+    destination: S3\n");
        output.ShouldContain("! update tacomail-config destinations\n+ S3\n");
    }

    [Fact]
    public void Render_MaskedConfigChange_MasksDestinationValues()
    {
        var plan = PlanFixtures.Mixed();
        var removed = plan with
        {
            ConfigChanges = [.. plan.ConfigChanges.Select(c => c.Kind == Schema.Records.ConfigSetKind.Destinations ? c with { After = [] } : c)],
        };

        var output = MarkdownPlanRenderer.Render(removed, Masked);

        output.ShouldContain("! update tacomail-config destinations\n- m***@gmail.com\n");
    }

    [Fact]
    public void Render_Unmasked_ShowsDestinationAddresses()
    {
        var output = MarkdownPlanRenderer.Render(PlanFixtures.Mixed(), Unmasked);

        output.ShouldContain("-    destination: me@gmail.com\n+    destination: S3\n");
        output.ShouldContain("-    destination: friend@example.org\n");
        output.ShouldNotContain("***");
    }
}
