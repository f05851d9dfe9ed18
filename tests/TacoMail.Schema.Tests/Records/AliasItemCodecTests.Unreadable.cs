using TacoMail.Schema.Table;

namespace TacoMail.Schema.Tests.Records;

public sealed partial class AliasItemCodecTests
{
    [Fact]
    public void Decode_IdentifierMissing_FailsNamingIdentifier()
    {
        TestItems.Failure(TestItems.Alias().Without(TableContract.Identifier))
            .ShouldBe("item (example.com, shop): attribute 'identifier' is missing");
    }

    [Fact]
    public void Decode_IdentifierEmpty_FailsNamingIdentifier()
    {
        TestItems.Failure(TestItems.Alias().With(TableContract.Identifier, TestItems.S("")))
            .ShouldBe("item (example.com, shop): attribute 'identifier' is empty");
    }

    [Fact]
    public void Decode_DestinationMissing_FailsNamingDestination()
    {
        TestItems.Failure(TestItems.Alias().Without(TableContract.Destination))
            .ShouldBe("item (example.com, shop): attribute 'destination' is missing");
    }

    [Fact]
    public void Decode_DestinationNull_FailsAsMissing()
    {
        TestItems.Failure(TestItems.Alias().With(TableContract.Destination, TestItems.Null()))
            .ShouldBe("item (example.com, shop): attribute 'destination' is missing");
    }

    [Fact]
    public void Decode_DestinationNotAString_FailsNamingDestination()
    {
        TestItems.Failure(TestItems.Alias().With(TableContract.Destination, TestItems.Ss("me@gmail.com")))
            .ShouldBe("item (example.com, shop): attribute 'destination' is not a string");
    }

    [Fact]
    public void Decode_SubDomainMissing_FailsWithPlaceholderForKey()
    {
        TestItems.Failure(TestItems.Alias().Without(TableContract.SubDomain))
            .ShouldBe("item (?, shop): attribute 'sub_domain' is missing");
    }

    [Fact]
    public void Decode_AliasAddressNotAString_FailsWithPlaceholderForKey()
    {
        TestItems.Failure(TestItems.Alias().With(TableContract.AliasAddress, TestItems.N("7")))
            .ShouldBe("item (example.com, ?): attribute 'alias_address' is not a string");
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("NaN")]
    [InlineData("12:30")]
    [InlineData("")]
    public void Decode_CreatedNotANumber_FailsNamingCreated(string text)
    {
        TestItems.Failure(TestItems.Alias().With(TableContract.CreatedDatetime, TestItems.N(text)))
            .ShouldBe("item (example.com, shop): attribute 'created_datetime' is not a number");
    }

    [Fact]
    public void Decode_CreatedAsBool_FailsNamingCreated()
    {
        TestItems.Failure(TestItems.Alias().With(TableContract.CreatedDatetime, TestItems.Bool(true)))
            .ShouldBe("item (example.com, shop): attribute 'created_datetime' is not a number");
    }

    [Fact]
    public void Decode_ModifiedMissing_FailsNamingModified()
    {
        TestItems.Failure(TestItems.Alias().Without(TableContract.ModifiedDatetime))
            .ShouldBe("item (example.com, shop): attribute 'modified_datetime' is missing");
    }

    [Theory]
    [InlineData("9223372036854775808")]
    [InlineData("1e30")]
    [InlineData("-99999999999999999999999999999999999999")]
    public void Decode_UseCountBeyondLong_FailsAsOutOfRange(string text)
    {
        TestItems.Failure(TestItems.Alias().With(TableContract.UseCount, TestItems.N(text)))
            .ShouldBe("item (example.com, shop): attribute 'use_count' is out of range");
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("")]
    public void Decode_ActiveAsOtherString_FailsNamingActive(string text)
    {
        TestItems.Failure(TestItems.Alias().With(TableContract.ActiveAlias, TestItems.S(text)))
            .ShouldBe("item (example.com, shop): attribute 'active_alias' is not a boolean");
    }

    [Theory]
    [InlineData("2")]
    [InlineData("-1")]
    [InlineData("0.5")]
    public void Decode_IgnoreAsOtherNumber_FailsNamingIgnore(string text)
    {
        TestItems.Failure(TestItems.Alias().With(TableContract.IgnoreAlias, TestItems.N(text)))
            .ShouldBe("item (example.com, shop): attribute 'ignore_alias' is not a boolean");
    }

    [Fact]
    public void Decode_SeveralProblems_ListsEveryAttributeAtFault()
    {
        var item = TestItems.Alias()
            .Without(TableContract.Destination)
            .With(TableContract.UseCount, TestItems.S("many"));

        TestItems.Failure(item).ShouldBe(
            "item (example.com, shop): attribute 'destination' is missing; attribute 'use_count' is not a number");
    }

    [Fact]
    public void Decode_EmptyItem_FailsNamingEveryRequiredAttribute()
    {
        TestItems.Failure([]).ShouldBe(
            "item (?, ?): attribute 'sub_domain' is missing; attribute 'alias_address' is missing; "
            + "attribute 'destination' is missing; attribute 'identifier' is missing; "
            + "attribute 'created_datetime' is missing; attribute 'modified_datetime' is missing");
    }

    [Fact]
    public void Decode_ReservedPartitionItem_FailsAsNotAnAlias()
    {
        TestItems.Failure(TestItems.Alias().With(TableContract.SubDomain, TestItems.S(TableContract.ConfigPartition)))
            .ShouldBe("item (tacomail-config, shop): is in the reserved partition 'tacomail-config', not an alias");
    }
}
