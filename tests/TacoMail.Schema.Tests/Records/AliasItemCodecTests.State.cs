using TacoMail.Schema.Model;
using TacoMail.Schema.Records;
using TacoMail.Schema.Table;

namespace TacoMail.Schema.Tests.Records;

public sealed partial class AliasItemCodecTests
{
    [Fact]
    public void Decode_CanonicalItem_ReturnsRecordWithoutLegacyShape()
    {
        var record = TestItems.Decoded(TestItems.Alias());

        record.ShouldBe(TestItems.Record());
        record.HasLegacyShape.ShouldBeFalse();
    }

    [Theory]
    [InlineData(true, false, AliasState.Active)]
    [InlineData(true, true, AliasState.Paused)]
    [InlineData(false, false, AliasState.Disabled)]
    [InlineData(false, true, AliasState.Disabled)]
    public void Decode_Flags_MapToState(bool active, bool ignore, AliasState expected)
    {
        var item = TestItems.Alias()
            .With(TableContract.ActiveAlias, TestItems.Bool(active))
            .With(TableContract.IgnoreAlias, TestItems.Bool(ignore));

        TestItems.Decoded(item).State.ShouldBe(expected);
    }

    [Fact]
    public void Decode_DisabledWithIgnoreTrue_NotesIgnoredWhileDisabled()
    {
        var item = TestItems.Alias()
            .With(TableContract.ActiveAlias, TestItems.Bool(false))
            .With(TableContract.IgnoreAlias, TestItems.Bool(true));

        TestItems.Decoded(item).LegacyTraits.ShouldBe(LegacyTraits.IgnoredWhileDisabled);
    }

    [Fact]
    public void Decode_PausedItem_HasNoLegacyShape()
    {
        var item = TestItems.Alias().With(TableContract.IgnoreAlias, TestItems.Bool(true));

        TestItems.Decoded(item).HasLegacyShape.ShouldBeFalse();
    }

    [Theory]
    [InlineData(AliasState.Active, 0L, 0L, 0L)]
    [InlineData(AliasState.Paused, 1L, 1_700_000_000L, 1_700_000_001L)]
    [InlineData(AliasState.Disabled, long.MaxValue, long.MaxValue, long.MaxValue)]
    [InlineData(AliasState.Active, 9_007_199_254_740_993L, 253_402_300_799L, 4_102_444_800L)]
    [InlineData(AliasState.Disabled, 0L, long.MinValue, -1L)]
    public void Decode_EncodedRecord_ReturnsEqualRecord(AliasState state, long useCount, long created, long modified)
    {
        var record = TestItems.Record(state, useCount) with { CreatedDatetime = created, ModifiedDatetime = modified };

        var result = AliasItemCodec.Decode(AliasItemCodec.Encode(record));

        result.IsSuccess.ShouldBeTrue(result.Reason);
        result.Record.ShouldBe(record);
    }

    [Fact]
    public void Decode_Null_Throws()
    {
        Should.Throw<ArgumentNullException>(() => AliasItemCodec.Decode(null!));
    }
}
