using Amazon.DynamoDBv2.Model;
using TacoMail.Schema.Records;
using TacoMail.Schema.Routing;
using TacoMail.Schema.Settings;
using TacoMail.Schema.Table;

namespace TacoMail.Schema.Tests.Records;

public sealed class SettingsItemCodecTests
{
    private static readonly DeclaredSettings Declared = new(
        new RoutingSettings(
            "mailer-daemon@example.com",
            "feedback@example.com",
            SubAddressSeparators.Of(["+", "_"]),
            new MessagePolicy(SpamPolicy.Deliver, BouncePolicy.Never)),
        new SafetyThresholds(5, 12.5m, 40));

    [Fact]
    public void Encode_ThenDecode_RoundTrips()
    {
        var item = SettingsItemCodec.Encode(Declared);

        item[TableContract.SubDomain].S.ShouldBe(TableContract.ConfigPartition);
        item[TableContract.AliasAddress].S.ShouldBe(TableContract.ConfigSettingsKey);
        item[TableContract.SubAddressSeparators].L.Select(v => v.S).ShouldBe(["+", "_"]);
        item[TableContract.SafetyMaxDeletePercent].N.ShouldBe("12.5");
        SettingsItemCodec.Decode(item).Record.ShouldBe(Declared);
    }

    [Fact]
    public void Decode_KeyOnly_ReadsDefaults()
    {
        var decoded = SettingsItemCodec.Decode(ItemKeyCodec.Encode(SettingsItemCodec.Key));

        decoded.Record!.Routing.ShouldBe(new RoutingSettings(null, null, SubAddressSeparators.Default, MessagePolicy.Default));
        decoded.Record.Safety.ShouldBe(SafetyThresholds.Default);
    }

    [Theory]
    [InlineData(TableContract.BouncePolicy, "sometimes")]
    [InlineData(TableContract.SpamPolicy, "")]
    public void Decode_UnknownPolicyWord_IsUnreadable(string attribute, string value)
    {
        var item = SettingsItemCodec.Encode(Declared);
        item[attribute] = new AttributeValue { S = value };

        var decoded = SettingsItemCodec.Decode(item);

        decoded.IsSuccess.ShouldBeFalse();
        decoded.Reason.ShouldContain(attribute);
    }

    [Fact]
    public void Decode_PercentOverHundred_IsUnreadable()
    {
        var item = SettingsItemCodec.Encode(Declared);
        item[TableContract.SafetyMaxDisablePercent] = new AttributeValue { N = "150" };

        SettingsItemCodec.Decode(item).Reason!.ShouldContain(TableContract.SafetyMaxDisablePercent);
    }

    [Fact]
    public void Classify_SettingsItem_IsScannedAsSettings() =>
        TableItemClassifier.Classify(SettingsItemCodec.Encode(Declared)).ShouldBe(new ScannedSettingsItem(Declared));

    [Fact]
    public void StricterOf_MixedThresholds_TakesTheStricterFieldEach() =>
        new SafetyThresholds(10, 50, 20).StricterOf(new SafetyThresholds(20, 30, 60)).ShouldBe(new SafetyThresholds(10, 30, 20));
}
