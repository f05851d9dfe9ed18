using TacoMail.Schema.Model;
using TacoMail.Schema.Records;
using TacoMail.Schema.Table;

namespace TacoMail.Schema.Tests.Records;

public sealed partial class AliasItemCodecTests
{
    [Fact]
    public void Encode_Record_WritesExactlyTheContractAttributeSet()
    {
        var item = AliasItemCodec.Encode(TestItems.Record());

        item.Keys.ShouldBe(
            [
                TableContract.SubDomain,
                TableContract.AliasAddress,
                TableContract.Application,
                TableContract.ActiveAlias,
                TableContract.IgnoreAlias,
                TableContract.Destination,
                TableContract.FullAddress,
                TableContract.Identifier,
                TableContract.CreatedDatetime,
                TableContract.ModifiedDatetime,
                TableContract.UseCount,
            ],
            ignoreOrder: true);
    }

    [Fact]
    public void Encode_Record_WritesEveryAttributeWithItsTypeAndValue()
    {
        var item = AliasItemCodec.Encode(TestItems.Record());
        var expected = TestItems.Alias();

        foreach (var (name, value) in expected)
        {
            var actual = item[name];
            (actual.S, actual.N, actual.BOOL).ShouldBe((value.S, value.N, value.BOOL), name);
            actual.SS.ShouldBeNull(name);
            actual.L.ShouldBeNull(name);
            actual.M.ShouldBeNull(name);
        }
    }

    [Theory]
    [InlineData(AliasState.Active, true, false)]
    [InlineData(AliasState.Paused, true, true)]
    [InlineData(AliasState.Disabled, false, false)]
    public void Encode_State_WritesBothFlagsAsBool(AliasState state, bool active, bool ignore)
    {
        var item = AliasItemCodec.Encode(TestItems.Record(state));

        item[TableContract.ActiveAlias].BOOL.ShouldBe(active);
        item[TableContract.IgnoreAlias].BOOL.ShouldBe(ignore);
    }

    [Fact]
    public void Encode_ExtremeNumbers_WritesInvariantIntegerDigits()
    {
        var record = TestItems.Record(useCount: long.MaxValue) with
        {
            CreatedDatetime = -1,
            ModifiedDatetime = 253_402_300_799,
        };

        var item = AliasItemCodec.Encode(record);

        item[TableContract.UseCount].N.ShouldBe("9223372036854775807");
        item[TableContract.CreatedDatetime].N.ShouldBe("-1");
        item[TableContract.ModifiedDatetime].N.ShouldBe("253402300799");
    }

    [Fact]
    public void Encode_KeysWithCase_WritesKeysAndFullAddressAsGiven()
    {
        var record = TestItems.Record() with { Key = new ItemKey("xn--bcher-kva.example", "Shop") };

        var item = AliasItemCodec.Encode(record);

        item[TableContract.SubDomain].S.ShouldBe("xn--bcher-kva.example");
        item[TableContract.AliasAddress].S.ShouldBe("Shop");
        item[TableContract.FullAddress].S.ShouldBe("Shop@xn--bcher-kva.example");
    }

    [Fact]
    public void Encode_Null_Throws()
    {
        Should.Throw<ArgumentNullException>(() => AliasItemCodec.Encode(null!));
    }
}
