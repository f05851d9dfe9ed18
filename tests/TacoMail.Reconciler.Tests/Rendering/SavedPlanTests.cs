using System.Text;
using TacoMail.Reconciler.Planning;
using TacoMail.Reconciler.Rendering;

namespace TacoMail.Reconciler.Tests.Rendering;

public sealed class SavedPlanTests
{
    [Fact]
    public void Read_RenderedPlan_GivesBackBasisAndDigest()
    {
        var plan = PlanFixtures.Mixed();

        var saved = RoundTrip(plan);

        saved.FormatVersion.ShouldBe("1");
        saved.ChangesDigest.ShouldBe(plan.ChangesDigest);
        saved.Basis.Table.ShouldBe(plan.Basis.Table);
        saved.Basis.Desired.ShouldBe(plan.Basis.Desired);
        saved.Summary.ShouldBe(plan.Summary);
    }

    [Fact]
    public void Read_RenderedPlanWithoutChanges_GivesBackBasis()
    {
        var plan = PlanFixtures.NoChanges();

        var saved = RoundTrip(plan);

        saved.Basis.Table.ShouldBe(plan.Basis.Table);
        saved.Summary.ShouldBe(new PlanSummary(0, 0, 0, 0));
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("")]
    public void Read_NotJson_ThrowsNotAPlan(string text)
    {
        var error = Should.Throw<TacoMailException>(() => Read(text));

        error.Message.ShouldStartWith("the file is not a tacomail plan: it is not valid JSON");
    }

    [Theory]
    [InlineData("[1, 2]")]
    [InlineData("{\"terraform_version\": \"1.9\"}")]
    [InlineData("{\"format_version\": 1}")]
    public void Read_JsonWithoutFormatVersion_ThrowsNotAPlan(string text)
    {
        var error = Should.Throw<TacoMailException>(() => Read(text));

        error.Message.ShouldStartWith("the file is not a tacomail plan: it has no 'format_version'");
    }

    [Fact]
    public void Read_OtherFormatVersion_NamesBothVersions()
    {
        var error = Should.Throw<TacoMailException>(() => Read("{\"format_version\": \"2\"}"));

        error.Message.ShouldStartWith("the plan has format version '2', but this tacomail reads version '1'");
    }

    [Theory]
    [InlineData("basis")]
    [InlineData("changes_digest")]
    [InlineData("summary")]
    public void Read_PlanMissingMember_ThrowsDamaged(string member)
    {
        var text = Render(PlanFixtures.Mixed()).Replace($"\"{member}\":", "\"renamed\":", StringComparison.Ordinal);

        var error = Should.Throw<TacoMailException>(() => Read(text));

        error.Message.ShouldStartWith($"the plan file is damaged: '{member}' is missing");
    }

    [Fact]
    public void Read_DigestNotString_ThrowsDamaged()
    {
        var text = Render(PlanFixtures.Mixed()).Replace("\"keep@example.com\": \"", "\"keep@example.com\": 1, \"x\": \"", StringComparison.Ordinal);

        var error = Should.Throw<TacoMailException>(() => Read(text));

        error.Message.ShouldContain("the digest of 'keep@example.com' in 'basis.table' is not a string");
    }

    private static SavedPlan RoundTrip(Plan plan)
    {
        using var stream = new MemoryStream();
        JsonPlanRenderer.Write(plan, stream);
        stream.Position = 0;
        return SavedPlan.Read(stream);
    }

    private static string Render(Plan plan)
    {
        using var stream = new MemoryStream();
        JsonPlanRenderer.Write(plan, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static SavedPlan Read(string text)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        return SavedPlan.Read(stream);
    }
}
