using TacoMail.Schema.Records;
using TacoMail.Schema.Table;

namespace TacoMail.Schema.Tests.Records;

public sealed class ItemKeyCodecTests
{
    [Fact]
    public void Encode_Key_WritesOnlyBothKeyAttributesAsStrings()
    {
        var item = ItemKeyCodec.Encode(new ItemKey("example.com", "shop"));

        item.Keys.ShouldBe([TableContract.SubDomain, TableContract.AliasAddress], ignoreOrder: true);
        item[TableContract.SubDomain].S.ShouldBe("example.com");
        item[TableContract.AliasAddress].S.ShouldBe("shop");
    }

    [Fact]
    public void Encode_DefaultKey_Throws()
    {
        Should.Throw<ArgumentException>(() => ItemKeyCodec.Encode(default));
    }
}
