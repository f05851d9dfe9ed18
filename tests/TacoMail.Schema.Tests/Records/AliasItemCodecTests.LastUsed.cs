using TacoMail.Schema.Records;
using TacoMail.Schema.Table;

namespace TacoMail.Schema.Tests.Records;

public sealed partial class AliasItemCodecTests
{
    [Fact]
    public void Decode_LastUsedMissing_ReadsUnknownWithoutLegacyTrait()
    {
        var record = TestItems.Decoded(TestItems.Alias());

        record.LastUsedDatetime.ShouldBeNull();
        record.HasLegacyShape.ShouldBeFalse();
    }

    [Fact]
    public void Decode_LastUsedNumber_ReadsUnixSeconds()
    {
        var record = TestItems.Decoded(TestItems.Alias().With(TableContract.LastUsedDatetime, TestItems.N("1710426420")));

        record.LastUsedDatetime.ShouldBe(1_710_426_420);
        record.HasLegacyShape.ShouldBeFalse();
    }

    [Fact]
    public void Decode_LastUsedNotANumber_FailsNamingTheAttribute()
    {
        var result = AliasItemCodec.Decode(TestItems.Alias().With(TableContract.LastUsedDatetime, TestItems.Bool(true)));

        result.IsSuccess.ShouldBeFalse();
        result.Reason.ShouldContain(TableContract.LastUsedDatetime);
    }

    [Fact]
    public void Encode_LastUsedUnknown_LeavesTheAttributeOut()
    {
        var item = AliasItemCodec.Encode(TestItems.Record());

        item.ShouldNotContainKey(TableContract.LastUsedDatetime);
    }

    [Fact]
    public void Encode_LastUsedKnown_RoundTripsAsNumber()
    {
        var record = TestItems.Record() with { LastUsedDatetime = 1_710_426_420 };

        var item = AliasItemCodec.Encode(record);

        item[TableContract.LastUsedDatetime].N.ShouldBe("1710426420");
        TestItems.Decoded(item).ShouldBe(record);
    }
}
