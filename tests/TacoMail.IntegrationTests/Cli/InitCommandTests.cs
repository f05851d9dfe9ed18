using TacoMail.Reconciler.Cli;
using TacoMail.Schema.Table;
using TacoMail.Testing;
using TacoMail.Testing.DynamoDb;

namespace TacoMail.IntegrationTests.Cli;

public sealed class InitCommandTests(DynamoDbLocalFixture dynamo)
{
    [Fact]
    public async Task Init_RunTwice_CreatesTheTableOnceAndThenSaysNothingToDo()
    {
        using var config = new ConfigDirectory(DynamoDbLocalFixture.NewTableName("init"));
        string[] args = ["init", "--config", config.Path, "--endpoint", dynamo.Endpoint.ToString()];

        var first = await CliRunner.RunAsync(args);
        var second = await CliRunner.RunAsync(args);

        first.ExitCode.ShouldBe(ExitCodes.Ok);
        first.Output.ShouldContain($"created table '{config.TableName}'");
        second.ExitCode.ShouldBe(ExitCodes.Ok);
        second.Output.ShouldContain("already exists with both indexes; nothing to do");
        var table = (await dynamo.Client.DescribeTableAsync(config.TableName, TestContext.Current.CancellationToken)).Table;
        table.GlobalSecondaryIndexes.Select(i => i.IndexName).Order()
            .ShouldBe([TableContract.ApplicationIdentifierIndex, TableContract.IdentifierIndex]);
    }

    [Fact]
    public async Task Init_TableOptionWithoutConfig_UsesTheOption()
    {
        var table = DynamoDbLocalFixture.NewTableName("init-option");
        using var empty = new TemporaryDirectory();

        var (exitCode, output) = await CliRunner.RunAsync("init", "--config", empty.Path, "--table", table, "--endpoint", dynamo.Endpoint.ToString());

        exitCode.ShouldBe(ExitCodes.Ok);
        output.ShouldContain($"created table '{table}'");
        // DescribeTable, not ListTables: the shared emulator holds more tables than one ListTables page.
        (await dynamo.Client.DescribeTableAsync(table, TestContext.Current.CancellationToken)).Table.TableStatus.Value.ShouldBe("ACTIVE");
    }

    [Fact]
    public async Task Init_InvalidConfigAndNoTableOption_ExitsOneWithTheErrors()
    {
        using var config = new ConfigDirectory(DynamoDbLocalFixture.NewTableName("init-bad"));
        config.Write("example.com.yaml", "domain: example.com\naliases:\n  Shop: {}\n");

        var (exitCode, output) = await CliRunner.RunAsync("init", "--config", config.Path, "--endpoint", dynamo.Endpoint.ToString());

        exitCode.ShouldBe(ExitCodes.Error);
        output.ShouldContain("example.com.yaml:3:3: error TM");
    }
}
