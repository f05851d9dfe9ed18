using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using TacoMail.Reconciler.Table;
using TacoMail.Schema.Table;
using TacoMail.Testing.DynamoDb;

namespace TacoMail.IntegrationTests.Table;

public sealed class TableInitializerTests(DynamoDbLocalFixture fixture)
{
    private readonly TableInitializer _initializer = new();

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EnsureTable_NoTable_CreatesTheContractKeysAndBothIndexes()
    {
        var tableName = DynamoDbLocalFixture.NewTableName();

        var result = await _initializer.EnsureTableAsync(fixture.Client, tableName, Cancellation);

        result.ShouldBe(new TableInitResult(tableName, TableInitOutcome.Created, result.AddedIndexes));
        result.AddedIndexes.ShouldBeEmpty();
        var table = await DescribeAsync(tableName);
        table.TableStatus.ShouldBe(TableStatus.ACTIVE);
        table.BillingModeSummary?.BillingMode.ShouldBe(BillingMode.PAY_PER_REQUEST);
        // Spelled out on purpose: this is the contract of docs/architecture.md section 3, not whatever the constants say.
        Keys(table.KeySchema).ShouldBe(["sub_domain HASH", "alias_address RANGE"]);
        table.AttributeDefinitions.Select(a => $"{a.AttributeName} {a.AttributeType}").Order()
            .ShouldBe(["alias_address S", "application S", "identifier S", "sub_domain S"]);
        Indexes(table).ShouldBe(
        [
            "application-identifier-index: application HASH, identifier RANGE; ALL; ACTIVE",
            "identifier-index: identifier HASH; ALL; ACTIVE",
        ]);
    }

    [Fact]
    public async Task EnsureTable_SecondRun_ReportsAlreadyUpToDateAndChangesNothing()
    {
        var tableName = DynamoDbLocalFixture.NewTableName();
        await _initializer.EnsureTableAsync(fixture.Client, tableName, Cancellation);
        var before = await DescribeAsync(tableName);

        var result = await _initializer.EnsureTableAsync(fixture.Client, tableName, Cancellation);

        result.Outcome.ShouldBe(TableInitOutcome.AlreadyUpToDate);
        result.AddedIndexes.ShouldBeEmpty();
        var after = await DescribeAsync(tableName);
        after.CreationDateTime.ShouldBe(before.CreationDateTime);
        Keys(after.KeySchema).ShouldBe(Keys(before.KeySchema));
        Indexes(after).ShouldBe(Indexes(before));
    }

    [Fact]
    public async Task EnsureTable_TableWithoutIndexes_AddsBothInContractOrder()
    {
        var tableName = DynamoDbLocalFixture.NewTableName();
        var request = TableLayout.CreateTableRequest(tableName);
        request.GlobalSecondaryIndexes = null;
        request.AttributeDefinitions = [.. request.AttributeDefinitions.Where(a => a.AttributeName is TableContract.SubDomain or TableContract.AliasAddress)];
        await fixture.Client.CreateTableAsync(request, Cancellation);

        var result = await _initializer.EnsureTableAsync(fixture.Client, tableName, Cancellation);

        result.Outcome.ShouldBe(TableInitOutcome.AddedIndexes);
        result.AddedIndexes.ShouldBe([TableContract.IdentifierIndex, TableContract.ApplicationIdentifierIndex]);
        Indexes(await DescribeAsync(tableName)).ShouldBe(
        [
            "application-identifier-index: application HASH, identifier RANGE; ALL; ACTIVE",
            "identifier-index: identifier HASH; ALL; ACTIVE",
        ]);
    }

    [Fact]
    public async Task EnsureTable_ProvisionedTableMissingOneIndex_AddsItWithTheTableCapacity()
    {
        var tableName = DynamoDbLocalFixture.NewTableName();
        var request = TableLayout.CreateTableRequest(tableName);
        request.BillingMode = BillingMode.PROVISIONED;
        request.ProvisionedThroughput = new ProvisionedThroughput(3, 2);
        request.GlobalSecondaryIndexes = [.. request.GlobalSecondaryIndexes.Where(i => i.IndexName == TableContract.IdentifierIndex)];
        request.GlobalSecondaryIndexes[0].ProvisionedThroughput = new ProvisionedThroughput(3, 2);
        request.AttributeDefinitions = [.. request.AttributeDefinitions.Where(a => a.AttributeName != TableContract.Application)];
        await fixture.Client.CreateTableAsync(request, Cancellation);

        var result = await _initializer.EnsureTableAsync(fixture.Client, tableName, Cancellation);

        result.AddedIndexes.ShouldBe([TableContract.ApplicationIdentifierIndex]);
        var added = (await DescribeAsync(tableName)).GlobalSecondaryIndexes.Single(i => i.IndexName == TableContract.ApplicationIdentifierIndex);
        added.ProvisionedThroughput.ReadCapacityUnits.ShouldBe(3);
        added.ProvisionedThroughput.WriteCapacityUnits.ShouldBe(2);
    }

    [Fact]
    public async Task EnsureTable_TableWithOtherKeys_IsRefusedNamingBothAndLeftUnchanged()
    {
        var tableName = DynamoDbLocalFixture.NewTableName();
        await fixture.Client.CreateTableAsync(new CreateTableRequest
        {
            TableName = tableName,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new KeySchemaElement("id", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("id", ScalarAttributeType.N)],
        }, Cancellation);

        var exception = await Should.ThrowAsync<TableInitException>(() => _initializer.EnsureTableAsync(fixture.Client, tableName, Cancellation));

        exception.Message.ShouldBe(
            $"Table '{tableName}' exists with key partition id (N), but TacoMail needs partition sub_domain (S), sort alias_address (S). "
            + "Nothing was changed: keys cannot be altered in place; use another table name or recreate the table.");
        var table = await DescribeAsync(tableName);
        Keys(table.KeySchema).ShouldBe(["id HASH"]);
        table.GlobalSecondaryIndexes.ShouldBeNull();
    }

    [Fact]
    public async Task EnsureTable_IndexWithOtherProjection_IsRefused()
    {
        var tableName = DynamoDbLocalFixture.NewTableName();
        var request = TableLayout.CreateTableRequest(tableName);
        request.GlobalSecondaryIndexes[0].Projection = new Projection { ProjectionType = ProjectionType.KEYS_ONLY };
        await fixture.Client.CreateTableAsync(request, Cancellation);

        var exception = await Should.ThrowAsync<TableInitException>(() => _initializer.EnsureTableAsync(fixture.Client, tableName, Cancellation));

        exception.Message.ShouldStartWith(
            $"Table '{tableName}' has index 'identifier-index' with key partition identifier (S) projecting KEYS_ONLY, "
            + "but TacoMail needs key partition identifier (S) projecting ALL.");
    }

    [Fact]
    public async Task EnsureTable_UnreachableEndpoint_FailsWithATypedError()
    {
        using var client = TableClientFactory.ForEmulator(new Uri("http://127.0.0.1:1"), config => config.MaxErrorRetry = 0);

        var exception = await Should.ThrowAsync<TableInitException>(() => _initializer.EnsureTableAsync(client, "tacomail", Cancellation));

        exception.Message.ShouldStartWith("Could not call DynamoDB to set up table 'tacomail'");
    }

    private async Task<TableDescription> DescribeAsync(string tableName) =>
        (await fixture.Client.DescribeTableAsync(tableName, Cancellation)).Table;

    private static string[] Keys(IEnumerable<KeySchemaElement> keySchema) =>
        [.. keySchema.Select(k => $"{k.AttributeName} {k.KeyType}")];

    private static string[] Indexes(TableDescription table) =>
        [.. (table.GlobalSecondaryIndexes ?? [])
            .Select(i => $"{i.IndexName}: {string.Join(", ", Keys(i.KeySchema))}; {i.Projection.ProjectionType}; {i.IndexStatus}")
            .Order()];
}
