using TacoMail.Deployment.Tests.Yaml;
using TacoMail.Schema.Table;

namespace TacoMail.Deployment.Tests.Template;

public sealed partial class TemplateTests
{
    [Fact]
    public void Table_KeySchema_IsSubDomainThenAliasAddress()
    {
        var table = _template.Properties("Table");

        KeySchema(table).ShouldBe([$"{TableContract.SubDomain} HASH", $"{TableContract.AliasAddress} RANGE"]);
    }

    [Fact]
    public void Table_GlobalSecondaryIndexes_MatchContractAndProjectAll()
    {
        var indexes = _template.Properties("Table").Sequence("GlobalSecondaryIndexes").Children
            .ToDictionary(i => i.Text("IndexName"), StringComparer.Ordinal);

        indexes.Keys.ShouldBe([TableContract.IdentifierIndex, TableContract.ApplicationIdentifierIndex], ignoreOrder: true);
        KeySchema(indexes[TableContract.IdentifierIndex]).ShouldBe([$"{TableContract.Identifier} HASH"]);
        KeySchema(indexes[TableContract.ApplicationIdentifierIndex])
            .ShouldBe([$"{TableContract.Application} HASH", $"{TableContract.Identifier} RANGE"]);
        indexes.Values.ShouldAllBe(i => i.Mapping("Projection").Text("ProjectionType") == "ALL");
    }

    [Fact]
    public void Table_AttributeDefinitions_AreStringKeysOfTableAndIndexes()
    {
        var attributes = _template.Properties("Table").Sequence("AttributeDefinitions").Children
            .Select(a => $"{a.Text("AttributeName")} {a.Text("AttributeType")}");

        attributes.ShouldBe(
            [
                $"{TableContract.SubDomain} S",
                $"{TableContract.AliasAddress} S",
                $"{TableContract.Identifier} S",
                $"{TableContract.Application} S",
            ],
            ignoreOrder: true);
    }

    [Fact]
    public void Table_Protection_HasPointInTimeRecoveryDeletionProtectionAndRetain()
    {
        var table = _template.Resource("Table");
        var properties = table.Mapping("Properties");

        properties.Mapping("PointInTimeRecoverySpecification").Text("PointInTimeRecoveryEnabled").ShouldBe("true");
        properties.Text("DeletionProtectionEnabled").ShouldBe("true");
        table.Text("DeletionPolicy").ShouldBe("Retain");
        table.Text("UpdateReplacePolicy").ShouldBe("Retain");
    }

    [Fact]
    public void Table_Billing_IsPayPerRequest()
    {
        _template.Properties("Table").Text("BillingMode").ShouldBe("PAY_PER_REQUEST");
    }

    [Fact]
    public void Table_Name_IsTableNameParameterDefaultingToTacomail()
    {
        IntrinsicText.Render(_template.Properties("Table").Get("TableName")).ShouldBe("${TableName}");
        _template.Root.Mapping("Parameters").Mapping("TableName").Text("Default").ShouldBe(TableContract.ApplicationName);
    }
}
