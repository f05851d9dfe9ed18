using TacoMail.Lambda.Delivery.Storage;
using TacoMail.Schema.Records;

namespace TacoMail.Lambda.Tests.Delivery;

public sealed class DeliveryProgressTests
{
    private static readonly ItemKey Shop = new("example.com", "shop");

    [Fact]
    public void WithDone_RoundTripsThroughTags_WithoutAddresses()
    {
        var tags = DeliveryProgress.None.WithDone(Shop).ToTags();

        var tag = tags.ShouldHaveSingleItem();
        tag.Key.ShouldBe("tacomail-done-1");
        tag.Value.ShouldBe(RecipientMark.Of(Shop));
        tag.Value.ShouldNotContain("shop");
        DeliveryProgress.FromTags(tags).IsDone(Shop).ShouldBeTrue();
        DeliveryProgress.FromTags(tags).IsDone(new ItemKey("example.com", "bank")).ShouldBeFalse();
    }

    [Fact]
    public void ToTags_ForeignTagsAreKeptAndKeepAndFinishedWritten()
    {
        var progress = DeliveryProgress.FromTags([new MailObjectTag("owner", "ops")]).WithDone(Shop).KeepingObject().AsFinished();

        var read = DeliveryProgress.FromTags(progress.ToTags());

        read.Foreign.ShouldBe([new MailObjectTag("owner", "ops")]);
        read.KeepsObject.ShouldBeTrue();
        read.IsFinished.ShouldBeTrue();
        progress.ToTags().ShouldContain(new MailObjectTag("tacomail-state", "finished"));
    }

    [Fact]
    public void FromTags_FinishedTagOfAnEarlierVersion_IsFinished() =>
        DeliveryProgress.FromTags([new MailObjectTag("tacomail-delivered", "partial")]).IsFinished.ShouldBeTrue();

    [Fact]
    public void ToTags_FiftyRecipients_FitInTagsOfAtMost256Characters()
    {
        var progress = Enumerable.Range(0, 50).Aggregate(DeliveryProgress.None, (p, i) => p.WithDone(new ItemKey("example.com", $"a{i}")));

        var tags = progress.ToTags();

        tags.Count.ShouldBe(3);
        tags.ShouldAllBe(t => t.Value.Length <= DeliveryProgress.MaxTagValueLength);
        DeliveryProgress.FromTags(tags).Done.Count.ShouldBe(50);
    }

    [Fact]
    public void ToTags_MoreThanTenTags_Throws()
    {
        var foreign = Enumerable.Range(0, 10).Select(i => new MailObjectTag($"t{i}", "v")).ToArray();

        Should.Throw<InvalidOperationException>(() => DeliveryProgress.FromTags(foreign).WithDone(Shop).ToTags());
    }
}
