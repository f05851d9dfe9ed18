using TacoMail.Schema.Records;
using TacoMail.Schema.Table;

namespace TacoMail.Schema.Tests.Records;

public sealed class ConfigSetRecordTests
{
    [Fact]
    public void Equals_SameValuesInOtherOrder_IsEqualWithSameHash()
    {
        var one = new ConfigSetRecord(ConfigSetKind.SubDomains, ["b.example", "a.example"]);
        var two = new ConfigSetRecord(ConfigSetKind.SubDomains, ["a.example", "b.example"]);

        one.ShouldBe(two);
        one.GetHashCode().ShouldBe(two.GetHashCode());
    }

    [Fact]
    public void Equals_DifferentValues_IsNotEqual()
    {
        new ConfigSetRecord(ConfigSetKind.SubDomains, ["a.example"])
            .ShouldNotBe(new ConfigSetRecord(ConfigSetKind.SubDomains, ["a.example", "b.example"]));
    }

    [Fact]
    public void Equals_DifferentKind_IsNotEqual()
    {
        new ConfigSetRecord(ConfigSetKind.SubDomains, ["S3"])
            .ShouldNotBe(new ConfigSetRecord(ConfigSetKind.Destinations, ["S3"]));
    }

    [Fact]
    public void Equals_DifferentLegacyTraits_IsNotEqual()
    {
        var record = new ConfigSetRecord(ConfigSetKind.Destinations, ["S3"]);

        (record with { LegacyTraits = LegacyTraits.LegacyConfigValues }).ShouldNotBe(record);
    }

    [Fact]
    public void Values_WithDuplicatesAndCase_AreDistinctAndOrdinallySorted()
    {
        var record = new ConfigSetRecord(ConfigSetKind.Destinations, ["me@gmail.com", "S3", "me@gmail.com", "a@x.org"]);

        record.Values.ShouldBe(["S3", "a@x.org", "me@gmail.com"]);
    }

    [Theory]
    [InlineData(ConfigSetKind.SubDomains, "sub_domains")]
    [InlineData(ConfigSetKind.Destinations, "destinations")]
    public void Key_Kind_IsReservedPartitionAndItsSortKey(ConfigSetKind kind, string sortKey)
    {
        new ConfigSetRecord(kind, []).Key.ShouldBe(new ItemKey(TableContract.ConfigPartition, sortKey));
    }

    [Fact]
    public void Constructor_NullValue_Throws()
    {
        Should.Throw<ArgumentNullException>(() => new ConfigSetRecord(ConfigSetKind.SubDomains, ["a.example", null!]));
    }

    [Fact]
    public void Constructor_UndefinedKind_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new ConfigSetRecord((ConfigSetKind)9, []));
    }
}
