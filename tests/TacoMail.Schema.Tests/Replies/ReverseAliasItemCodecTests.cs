using Amazon.DynamoDBv2.Model;
using TacoMail.Schema.Records;
using TacoMail.Schema.Replies;
using TacoMail.Schema.Table;

namespace TacoMail.Schema.Tests.Replies;

public sealed class ReverseAliasItemCodecTests
{
    private static readonly ReverseAliasRecord Record = new(
        ReverseAddress.Of("abcdefghijklmnopqrst", "example.com"), "shop@example.com", "Jane@Sender.test", 1_700_000_000, null);

    [Fact]
    public void EncodeDecode_RoundTrips()
    {
        var item = ReverseAliasItemCodec.Encode(Record with { LastUsedDatetime = 1_700_000_500 });

        ReverseAliasItemCodec.Decode(item).Record.ShouldBe(Record with { LastUsedDatetime = 1_700_000_500 });
        item[TableContract.SubDomain].S.ShouldBe(TableContract.ReversePartition);
        TableItemClassifier.Classify(item).ShouldBeOfType<ScannedReservedItem>();
    }

    [Fact]
    public void EncodePair_KeyHidesTheCorrespondentAndPointsAtTheToken()
    {
        var pair = ReverseAliasItemCodec.EncodePair(Record);

        pair[TableContract.AliasAddress].S.ShouldStartWith(ReverseAliasItemCodec.PairPrefix("shop@example.com"));
        pair[TableContract.AliasAddress].S.ShouldNotContain("sender", Case.Insensitive);
        ReverseAliasItemCodec.TokenOf(pair).ShouldBe("abcdefghijklmnopqrst");
        TableItemClassifier.Classify(pair).ShouldBeOfType<ScannedReservedItem>();
    }

    [Fact]
    public void PairKey_IgnoresTheCorrespondentsCase() =>
        ReverseAliasItemCodec.PairKey("shop@example.com", "JANE@sender.test").ShouldBe(ReverseAliasItemCodec.PairKey("shop@example.com", "jane@sender.test"));

    [Fact]
    public void Decode_MissingAlias_NamesTheAttribute()
    {
        var item = ReverseAliasItemCodec.Encode(Record);
        item.Remove(TableContract.ReplyAlias);

        var decoded = ReverseAliasItemCodec.Decode(item);

        decoded.IsSuccess.ShouldBeFalse();
        decoded.Reason.ShouldContain(TableContract.ReplyAlias);
    }

    [Fact]
    public void Decode_NotATokenKey_IsRefused()
    {
        var item = ReverseAliasItemCodec.Encode(Record);
        item[TableContract.AliasAddress] = new AttributeValue { S = "r#nope" };

        ReverseAliasItemCodec.Decode(item).IsSuccess.ShouldBeFalse();
    }
}
