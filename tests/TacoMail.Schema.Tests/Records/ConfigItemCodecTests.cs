using Amazon.DynamoDBv2.Model;
using TacoMail.Schema.Records;
using TacoMail.Schema.Table;

namespace TacoMail.Schema.Tests.Records;

public sealed class ConfigItemCodecTests
{
    [Fact]
    public void Encode_Values_WritesKeysAndSortedStringSet()
    {
        var item = ConfigItemCodec.Encode(new ConfigSetRecord(ConfigSetKind.SubDomains, ["mail.example.org", "example.com"]));

        item.Keys.ShouldBe([TableContract.SubDomain, TableContract.AliasAddress, TableContract.ConfigValue], ignoreOrder: true);
        item[TableContract.SubDomain].S.ShouldBe("tacomail-config");
        item[TableContract.AliasAddress].S.ShouldBe("sub_domains");
        item[TableContract.ConfigValue].SS.ShouldBe(["example.com", "mail.example.org"]);
        item[TableContract.ConfigValue].L.ShouldBeNull();
    }

    [Fact]
    public void Encode_Destinations_UsesDestinationsSortKey()
    {
        var item = ConfigItemCodec.Encode(new ConfigSetRecord(ConfigSetKind.Destinations, ["S3"]));

        item[TableContract.AliasAddress].S.ShouldBe("destinations");
    }

    [Fact]
    public void Encode_EmptySet_OmitsConfigValue()
    {
        var item = ConfigItemCodec.Encode(new ConfigSetRecord(ConfigSetKind.Destinations, []));

        item.Keys.ShouldBe([TableContract.SubDomain, TableContract.AliasAddress], ignoreOrder: true);
    }

    [Fact]
    public void Decode_StringSet_ReadsValuesWithoutLegacyShape()
    {
        var record = Decoded(TestItems.Config("destinations", TestItems.Ss("S3", "me@gmail.com")));

        record.ShouldBe(new ConfigSetRecord(ConfigSetKind.Destinations, ["me@gmail.com", "S3"]));
        record.HasLegacyShape.ShouldBeFalse();
    }

    [Fact]
    public void Decode_NoConfigValue_ReadsEmptySet()
    {
        var record = Decoded(TestItems.Config("sub_domains"));

        record.Values.ShouldBeEmpty();
        record.HasLegacyShape.ShouldBeFalse();
    }

    [Fact]
    public void Decode_LegacyNameAsStringSet_ReadsValuesAndNotesIt()
    {
        var item = TestItems.Config("sub_domains").With(TableContract.LegacyConfigValues, TestItems.Ss("example.com"));

        var record = Decoded(item);

        record.Values.ShouldBe(["example.com"]);
        record.LegacyTraits.ShouldBe(LegacyTraits.LegacyConfigValues);
    }

    [Fact]
    public void Decode_LegacyNameAsList_ReadsValuesAndNotesBoth()
    {
        var item = TestItems.Config("sub_domains")
            .With(TableContract.LegacyConfigValues, TestItems.L(TestItems.S("b.example"), TestItems.S("a.example")));

        var record = Decoded(item);

        record.Values.ShouldBe(["a.example", "b.example"]);
        record.LegacyTraits.ShouldBe(LegacyTraits.LegacyConfigValues | LegacyTraits.ConfigValueAsList);
    }

    [Fact]
    public void Decode_ConfigValueAsListWithDuplicates_ReadsDistinctValues()
    {
        var item = TestItems.Config("destinations", TestItems.L(TestItems.S("S3"), TestItems.S("S3")));

        var record = Decoded(item);

        record.Values.ShouldBe(["S3"]);
        record.LegacyTraits.ShouldBe(LegacyTraits.ConfigValueAsList);
    }

    [Fact]
    public void Decode_EmptyList_ReadsEmptySetAndNotesIt()
    {
        var record = Decoded(TestItems.Config("destinations", TestItems.L()));

        record.Values.ShouldBeEmpty();
        record.LegacyTraits.ShouldBe(LegacyTraits.ConfigValueAsList);
    }

    [Fact]
    public void Decode_BothNames_PrefersConfigValueAndNotesLeftover()
    {
        var item = TestItems.Config("destinations", TestItems.Ss("S3"))
            .With(TableContract.LegacyConfigValues, TestItems.Ss("old@example.com"));

        var record = Decoded(item);

        record.Values.ShouldBe(["S3"]);
        record.LegacyTraits.ShouldBe(LegacyTraits.LegacyConfigValues);
    }

    [Fact]
    public void Decode_ConfigValueAsString_FailsNamingAttribute()
    {
        Failure(TestItems.Config("sub_domains", TestItems.S("example.com")))
            .ShouldBe("item (tacomail-config, sub_domains): attribute 'configValue' is not a string set");
    }

    [Fact]
    public void Decode_LegacyListWithNumber_FailsNamingLegacyAttribute()
    {
        var item = TestItems.Config("destinations")
            .With(TableContract.LegacyConfigValues, TestItems.L(TestItems.S("S3"), TestItems.N("1")));

        Failure(item).ShouldBe("item (tacomail-config, destinations): attribute 'configValues' is not a string set");
    }

    [Fact]
    public void Decode_AliasItem_FailsAsNotAConfigurationItem()
    {
        Failure(TestItems.Alias()).ShouldBe(
            "item (example.com, shop): is not a configuration set item "
            + "(partition 'tacomail-config', sort key 'sub_domains' or 'destinations')");
    }

    [Fact]
    public void Decode_LockItem_FailsAsNotAConfigurationItem()
    {
        Failure(TestItems.Config("lock")).ShouldStartWith("item (tacomail-config, lock): is not a configuration set item");
    }

    [Fact]
    public void Decode_MissingSortKey_FailsNamingKey()
    {
        Failure(TestItems.Config("sub_domains").Without(TableContract.AliasAddress))
            .ShouldBe("item (tacomail-config, ?): attribute 'alias_address' is missing");
    }

    [Theory]
    [InlineData(ConfigSetKind.SubDomains)]
    [InlineData(ConfigSetKind.Destinations)]
    public void Decode_EncodedRecord_ReturnsEqualRecord(ConfigSetKind kind)
    {
        string[][] cases = [[], ["one"], ["S3", "me@gmail.com", "x@y.example"]];
        foreach (var values in cases)
        {
            var record = new ConfigSetRecord(kind, values);

            Decoded(ConfigItemCodec.Encode(record)).ShouldBe(record);
        }
    }

    [Fact]
    public void Encode_Null_Throws()
    {
        Should.Throw<ArgumentNullException>(() => ConfigItemCodec.Encode(null!));
    }

    private static ConfigSetRecord Decoded(Dictionary<string, AttributeValue> item)
    {
        var result = ConfigItemCodec.Decode(item);
        result.IsSuccess.ShouldBeTrue(result.Reason);
        return result.Record;
    }

    private static string Failure(Dictionary<string, AttributeValue> item)
    {
        var result = ConfigItemCodec.Decode(item);
        result.IsSuccess.ShouldBeFalse();
        return result.Reason;
    }
}
