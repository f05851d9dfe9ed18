using TacoMail.Schema.Model;
using TacoMail.Schema.Records;
using TacoMail.Schema.Table;

namespace TacoMail.Schema.Tests.Records;

public sealed class TableItemClassifierTests
{
    [Fact]
    public void Classify_AliasItem_ReturnsDecodedAlias()
    {
        var scanned = TableItemClassifier.Classify(TestItems.Alias());

        scanned.ShouldBeOfType<ScannedAliasItem>().Record.ShouldBe(TestItems.Record());
    }

    [Fact]
    public void Classify_LegacyAliasItem_ReturnsAliasWithLegacyShape()
    {
        var scanned = TableItemClassifier.Classify(TestItems.Alias().Without(TableContract.Application));

        var record = scanned.ShouldBeOfType<ScannedAliasItem>().Record;
        record.State.ShouldBe(AliasState.Active);
        record.HasLegacyShape.ShouldBeTrue();
    }

    [Theory]
    [InlineData("sub_domains", ConfigSetKind.SubDomains)]
    [InlineData("destinations", ConfigSetKind.Destinations)]
    public void Classify_ConfigSetItem_ReturnsConfig(string sortKey, ConfigSetKind kind)
    {
        var scanned = TableItemClassifier.Classify(TestItems.Config(sortKey, TestItems.Ss("x")));

        scanned.ShouldBeOfType<ScannedConfigItem>().Record.ShouldBe(new ConfigSetRecord(kind, ["x"]));
    }

    [Fact]
    public void Classify_LockItemWithAnyAttributes_ReturnsOpaqueLock()
    {
        var item = TestItems.Config("lock")
            .With("owner", TestItems.S("ci-run-42"))
            .With("expires", TestItems.N("1700000060"));

        var scanned = TableItemClassifier.Classify(item);

        scanned.ShouldBeOfType<ScannedLockItem>().Key.ShouldBe(new ItemKey("tacomail-config", "lock"));
    }

    [Fact]
    public void Classify_UnknownSortKeyInReservedPartition_ReturnsUnknownConfig()
    {
        var scanned = TableItemClassifier.Classify(TestItems.Config("feature_flags", TestItems.Ss("x")));

        scanned.ShouldBeOfType<ScannedUnknownConfigItem>().Key.ShouldBe(new ItemKey("tacomail-config", "feature_flags"));
    }

    [Fact]
    public void Classify_BrokenAliasItem_ReturnsUnreadableWithKeyAndReason()
    {
        var scanned = TableItemClassifier.Classify(
            TestItems.Alias().With(TableContract.CreatedDatetime, TestItems.S("yesterday")));

        var unreadable = scanned.ShouldBeOfType<ScannedUnreadableItem>();
        unreadable.Key.ShouldBe(TestItems.Key);
        unreadable.Reason.ShouldBe("item (example.com, shop): attribute 'created_datetime' is not a number");
    }

    [Fact]
    public void Classify_BrokenConfigItem_ReturnsUnreadableWithKeyAndReason()
    {
        var scanned = TableItemClassifier.Classify(TestItems.Config("destinations", TestItems.N("3")));

        var unreadable = scanned.ShouldBeOfType<ScannedUnreadableItem>();
        unreadable.Key.ShouldBe(new ItemKey("tacomail-config", "destinations"));
        unreadable.Reason.ShouldBe("item (tacomail-config, destinations): attribute 'configValue' is not a string set");
    }

    [Fact]
    public void Classify_ItemWithoutKeys_ReturnsUnreadableWithoutKey()
    {
        var scanned = TableItemClassifier.Classify(TestItems.Alias().Without(TableContract.SubDomain));

        var unreadable = scanned.ShouldBeOfType<ScannedUnreadableItem>();
        unreadable.Key.ShouldBeNull();
        unreadable.Reason.ShouldBe("item (?, shop): attribute 'sub_domain' is missing");
    }

    [Fact]
    public void Classify_Null_Throws()
    {
        Should.Throw<ArgumentNullException>(() => TableItemClassifier.Classify(null!));
    }
}
