using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using TacoMail.Schema.Table;

namespace TacoMail.Reconciler.Table;

/// <summary>
/// The physical layout of the table from docs/architecture.md section 3 (keys and GSIs). Existing tables,
/// frontends and Lambdas depend on it, so <c>init</c> creates exactly this and refuses anything else.
/// </summary>
internal static class TableLayout
{
    public static KeyShape TableKeys { get; } = new(String(TableContract.SubDomain), String(TableContract.AliasAddress));

    public static IReadOnlyList<IndexLayout> Indexes { get; } =
    [
        new(TableContract.IdentifierIndex, new KeyShape(String(TableContract.Identifier), Sort: null)),
        new(TableContract.ApplicationIdentifierIndex,
            new KeyShape(String(TableContract.Application), String(TableContract.Identifier))),
    ];

    public static CreateTableRequest CreateTableRequest(string tableName) => new()
    {
        TableName = tableName,
        BillingMode = BillingMode.PAY_PER_REQUEST,
        KeySchema = TableKeys.ToKeySchema(),
        AttributeDefinitions = AttributeDefinitions(Indexes.SelectMany(i => i.Keys.Attributes).Concat(TableKeys.Attributes)),
        GlobalSecondaryIndexes = [.. Indexes.Select(index => new GlobalSecondaryIndex
        {
            IndexName = index.Name,
            KeySchema = index.Keys.ToKeySchema(),
            Projection = new Projection { ProjectionType = ProjectionType.ALL },
        })],
    };

    /// <summary>Adds one index; <paramref name="provisioned"/> is the table's capacity when it is not on demand (a new index then needs its own).</summary>
    public static UpdateTableRequest AddIndexRequest(string tableName, IndexLayout index, ProvisionedThroughput? provisioned) => new()
    {
        TableName = tableName,
        AttributeDefinitions = AttributeDefinitions(index.Keys.Attributes),
        GlobalSecondaryIndexUpdates =
        [
            new GlobalSecondaryIndexUpdate
            {
                Create = new CreateGlobalSecondaryIndexAction
                {
                    IndexName = index.Name,
                    KeySchema = index.Keys.ToKeySchema(),
                    Projection = new Projection { ProjectionType = ProjectionType.ALL },
                    ProvisionedThroughput = provisioned,
                },
            },
        ],
    };

    private static KeyAttribute String(string name) => new(name, ScalarAttributeType.S.Value);

    private static List<AttributeDefinition> AttributeDefinitions(IEnumerable<KeyAttribute> attributes) =>
        [.. attributes.Distinct().Select(a => new AttributeDefinition(a.Name, new ScalarAttributeType(a.Type)))];
}
