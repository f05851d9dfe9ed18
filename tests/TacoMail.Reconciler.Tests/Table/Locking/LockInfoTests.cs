using Amazon.DynamoDBv2.Model;
using TacoMail.Reconciler.Table.Locking;

namespace TacoMail.Reconciler.Tests.Table.Locking;

public sealed class LockInfoTests
{
    private static readonly DateTimeOffset Started = new(2025, 5, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Codec_RoundTrips()
    {
        var info = new LockInfo("lock-1", new LockHolder("alice@laptop", "laptop", 4242), Started, Started.AddMinutes(1));

        LockItemCodec.Decode(LockItemCodec.Encode(info)).ShouldBe(info);
    }

    [Fact]
    public void Decode_DamagedItem_StillDescribesWhatItCan()
    {
        var info = LockItemCodec.Decode(new Dictionary<string, AttributeValue>
        {
            ["lock_id"] = new() { S = "lock-1" },
            ["pid"] = new() { S = "not a number" },
            ["started"] = new() { N = "99999999999999999999" },
        });

        info.Describe().ShouldBe("? on ? (pid 0) since 1970-01-01T00:00:00Z");
        info.LockId.ShouldBe("lock-1");
    }
}
