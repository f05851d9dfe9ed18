using TacoMail.Schema.Model;
using TacoMail.Schema.Records;

namespace TacoMail.Schema.Tests.Records;

public sealed class AliasRecordTests
{
    [Fact]
    public void Properties_FromKey_ExposeSubDomainLocalPartAndFullAddress()
    {
        var record = TestItems.Record();

        record.SubDomain.ShouldBe("example.com");
        record.LocalPart.ShouldBe("shop");
        record.FullAddress.ShouldBe("shop@example.com");
        record.Key.ShouldBe(new ItemKey("example.com", "shop"));
    }

    [Fact]
    public void Equals_SameValues_IsEqual()
    {
        TestItems.Record().ShouldBe(TestItems.Record());
        TestItems.Record().ShouldNotBe(TestItems.Record(useCount: 4));
    }

    [Fact]
    public void HasLegacyShape_NoTraits_IsFalse()
    {
        TestItems.Record().HasLegacyShape.ShouldBeFalse();
    }

    [Fact]
    public void Equals_DifferentLegacyTraits_IsNotEqual()
    {
        var legacy = TestItems.Record() with { LegacyTraits = LegacyTraits.UseCountMissing };

        legacy.HasLegacyShape.ShouldBeTrue();
        legacy.ShouldNotBe(TestItems.Record());
        (legacy with { LegacyTraits = LegacyTraits.None }).ShouldBe(TestItems.Record());
    }

    [Theory]
    [InlineData("", TestItems.Identifier)]
    [InlineData(TestItems.Destination, "")]
    [InlineData(null, TestItems.Identifier)]
    [InlineData(TestItems.Destination, null)]
    public void Constructor_EmptyDestinationOrIdentifier_Throws(string? destination, string? identifier)
    {
        Should.Throw<ArgumentException>(
            () => new AliasRecord(TestItems.Key, destination!, AliasState.Active, identifier!, 0, 0, 0));
    }

    [Fact]
    public void Constructor_UndefinedState_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => TestItems.Record((AliasState)42));
    }

    [Fact]
    public void Constructor_DefaultKey_Throws()
    {
        Should.Throw<ArgumentException>(
            () => new AliasRecord(default, TestItems.Destination, AliasState.Active, TestItems.Identifier, 0, 0, 0));
    }

    [Fact]
    public void With_EmptyDestination_Throws()
    {
        Should.Throw<ArgumentException>(() => TestItems.Record() with { Destination = "" });
    }
}
