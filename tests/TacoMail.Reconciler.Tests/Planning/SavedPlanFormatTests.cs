using System.Text;
using System.Text.Json;
using TacoMail.Reconciler.Planning;
using TacoMail.Reconciler.Rendering;
using TacoMail.Reconciler.Tests.Rendering;

namespace TacoMail.Reconciler.Tests.Planning;

public sealed class SavedPlanFormatTests
{
    private const string File = "saved/plan.json";
    private const string Again = "Run tacomail plan --out saved/plan.json again";

    [Fact]
    public void Read_WrittenPlan_GivesBackBasisDigestAndSummary()
    {
        var plan = PlanFixtures.Mixed();

        var saved = Read(Write(plan));

        saved.ChangesDigest.ShouldBe(plan.ChangesDigest);
        saved.Basis.Table.ShouldBe(plan.Basis.Table);
        saved.Basis.Desired.ShouldBe(plan.Basis.Desired);
        saved.Summary.ShouldBe(new PlanSummary(Create: 2, Update: 1, Delete: 1, Rename: 1));
        StalenessCheck.Compare(saved.Basis, saved.ChangesDigest, plan).ShouldBeEmpty();
    }

    [Fact]
    public void Read_WrittenPlanWithoutChanges_GivesBackBasis()
    {
        var plan = PlanFixtures.NoChanges();

        var saved = Read(Write(plan));

        saved.Basis.Table.ShouldBe(plan.Basis.Table);
        saved.Summary.ShouldBe(PlanSummary.Zero);
    }

    [Fact]
    public void Write_MixedPlan_IsItsOwnFormatWithoutTheChanges()
    {
        using var json = JsonDocument.Parse(Write(PlanFixtures.Mixed()));
        var root = json.RootElement;

        root.GetProperty("format").GetString().ShouldBe("tacomail-saved-plan");
        root.GetProperty("version").GetInt32().ShouldBe(2);
        root.EnumerateObject().Select(p => p.Name).ShouldBe(["format", "version", "summary", "basis", "changes_digest"]);
        root.GetProperty("summary").GetProperty("rename").GetInt32().ShouldBe(1);
    }

    [Fact]
    public void Read_PlanSavedByEarlierVersion_IsRefusedWithTheFileAndWhatToRun()
    {
        using var stream = new MemoryStream();
        JsonPlanRenderer.Write(PlanFixtures.Mixed(), stream);

        var error = Should.Throw<TacoMailException>(() => Read(Encoding.UTF8.GetString(stream.ToArray())));

        error.Message.ShouldStartWith("saved/plan.json was saved by an earlier tacomail (a JSON plan with \"format_version\")");
        error.Message.ShouldContain(Again);
    }

    [Theory]
    [InlineData("{\"format\": \"tacomail-saved-plan\", \"version\": 3}", "3")]
    [InlineData("{\"format\": \"tacomail-saved-plan\", \"version\": 1}", "1")]
    [InlineData("{\"format\": \"tacomail-saved-plan\", \"version\": \"2\"}", "\"2\"")]
    [InlineData("{\"format\": \"tacomail-saved-plan\"}", "none")]
    public void Read_UnknownVersion_IsRefusedNamingTheVersionAndFile(string text, string version)
    {
        var error = Should.Throw<TacoMailException>(() => Read(text));

        error.Message.ShouldStartWith($"saved/plan.json is a saved plan of version {version}, but this tacomail reads only version 2.");
        error.Message.ShouldContain(Again);
    }

    [Theory]
    [InlineData("[1, 2]")]
    [InlineData("{\"terraform_version\": \"1.9\"}")]
    [InlineData("{\"format\": \"tacomail-plan\", \"version\": 2}")]
    [InlineData("{\"format\": 2}")]
    public void Read_JsonOfAnotherKind_IsRefusedAsNotASavedPlan(string text)
    {
        var error = Should.Throw<TacoMailException>(() => Read(text));

        error.Message.ShouldStartWith("saved/plan.json is not a tacomail saved plan: it has no \"format\": \"tacomail-saved-plan\".");
        error.Message.ShouldContain(Again);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("")]
    public void Read_NotJson_IsRefusedAsUnreadable(string text)
    {
        var error = Should.Throw<TacoMailException>(() => Read(text));

        error.Message.ShouldStartWith("saved/plan.json is not a readable tacomail saved plan");
        error.Message.ShouldContain(Again);
    }

    [Theory]
    [InlineData("basis")]
    [InlineData("changes_digest")]
    [InlineData("summary")]
    public void Read_MissingMember_IsRefusedAsDamaged(string member)
    {
        var text = Write(PlanFixtures.Mixed()).Replace($"\"{member}\":", "\"renamed\":", StringComparison.Ordinal);

        var error = Should.Throw<TacoMailException>(() => Read(text));

        error.Message.ShouldStartWith($"saved/plan.json is a damaged saved plan: \"{member}\" is missing.");
    }

    [Fact]
    public void Read_NegativeCount_IsRefusedAsDamaged()
    {
        var text = Write(PlanFixtures.Mixed()).Replace("\"delete\": 1", "\"delete\": -1", StringComparison.Ordinal);

        var error = Should.Throw<TacoMailException>(() => Read(text));

        error.Message.ShouldContain("\"summary.delete\" is missing or negative");
    }

    [Fact]
    public void Read_NullDigest_IsRefusedAsDamaged()
    {
        var text = Write(PlanFixtures.Mixed()).Replace("\"keep@example.com\": \"", "\"keep@example.com\": null, \"x\": \"", StringComparison.Ordinal);

        var error = Should.Throw<TacoMailException>(() => Read(text));

        error.Message.ShouldContain("the digest of 'keep@example.com' in \"basis.table\" is missing");
    }

    [Fact]
    public void Read_DigestNotString_IsRefusedAsUnreadable()
    {
        var text = Write(PlanFixtures.Mixed()).Replace("\"keep@example.com\": \"", "\"keep@example.com\": 1, \"x\": \"", StringComparison.Ordinal);

        var error = Should.Throw<TacoMailException>(() => Read(text));

        error.Message.ShouldStartWith("saved/plan.json is not a readable tacomail saved plan");
    }

    private static string Write(Plan plan)
    {
        using var stream = new MemoryStream();
        SavedPlanFormat.Write(plan, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static SavedPlan Read(string text)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        return SavedPlanFormat.Read(stream, File);
    }
}
