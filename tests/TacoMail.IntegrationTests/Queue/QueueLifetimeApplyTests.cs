using TacoMail.IntegrationTests.Cli;
using TacoMail.Reconciler.Cli;
using TacoMail.Schema.Records;
using TacoMail.Schema.Table;
using TacoMail.Testing;
using TacoMail.Testing.DynamoDb;

namespace TacoMail.IntegrationTests.Queue;

/// <summary><c>queue_lifetime</c> from tacomail.yaml to the settings item and back, through the real CLI against DynamoDB Local.</summary>
public sealed class QueueLifetimeApplyTests(DynamoDbLocalFixture dynamo) : IDisposable
{
    private readonly ConfigDirectory _config = new(DynamoDbLocalFixture.NewTableName("lifetime"));

    public void Dispose() => _config.Dispose();

    private Task<(int ExitCode, string Output)> Run(params string[] args) =>
        CliRunner.RunAsync([.. args, "--config", _config.Path, "--endpoint", dynamo.Endpoint.ToString()]);

    private void WriteMain(string extra) => _config.Write("tacomail.yaml", $"""
        table: {"{"} name: {_config.TableName}, region: us-east-1 {"}"}
        domains: [example.com, mail.example.org]
        destinations: [me@gmail.com, S3]
        {extra}
        """);

    [Fact]
    public async Task Apply_WritesQueueLifetimeSeconds_PlanShowsAChange_ExportWritesItBack()
    {
        WriteMain("queue_lifetime: 36h");
        (await Run("init")).ExitCode.ShouldBe(ExitCodes.Ok);

        var apply = await Run("apply");
        WriteMain("queue_lifetime: 3d");
        var edited = await Run("plan", "--detailed-exitcode");
        using var exported = new TemporaryDirectory();
        var export = await Run("export", "--out", exported.Path, "--force");

        apply.ExitCode.ShouldBe(ExitCodes.Ok, apply.Output);
        var item = await dynamo.Client.GetItemAsync(_config.TableName, ItemKeyCodec.Encode(SettingsItemCodec.Key), TestContext.Current.CancellationToken);
        item.Item[TableContract.QueueLifetimeSeconds].N.ShouldBe("129600");
        edited.ExitCode.ShouldBe(ExitCodes.Changes, edited.Output);
        edited.Output.ShouldContain("~ tacomail-config settings\n      queue_lifetime: 36h → 3d\n");
        export.ExitCode.ShouldBe(ExitCodes.Ok, export.Output);
        File.ReadAllText(Path.Combine(exported.Path, "tacomail.yaml")).ShouldContain("queue_lifetime: 36h\n");
    }
}
