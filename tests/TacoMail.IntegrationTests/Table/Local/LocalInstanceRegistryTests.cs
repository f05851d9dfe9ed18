using System.Diagnostics;
using TacoMail.Reconciler.Table.Local;
using TacoMail.Testing;
using TacoMail.Testing.DynamoDb;

namespace TacoMail.IntegrationTests.Table.Local;

public sealed class LocalInstanceRegistryTests(DynamoDbLocalFixture fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FindLive_RecordOfDeadProcess_IsIgnoredAndRemoved()
    {
        using var state = new TemporaryDirectory();
        var registry = new LocalInstanceRegistry(state.Path);
        using var finished = Process.Start("true")!;
        await finished.WaitForExitAsync(Cancellation);
        await registry.WriteAsync(new LocalInstanceRecord(finished.Id, fixture.Endpoint, state.Path), Cancellation);

        (await registry.FindLiveAsync(Cancellation)).ShouldBeNull();

        File.Exists(registry.FilePath).ShouldBeFalse();
    }

    [Fact]
    public async Task FindLive_RecordOfLiveProcessThatDoesNotAnswer_IsIgnored()
    {
        using var state = new TemporaryDirectory();
        var registry = new LocalInstanceRegistry(state.Path);
        await registry.WriteAsync(new LocalInstanceRecord(Environment.ProcessId, new Uri("http://127.0.0.1:1"), state.Path), Cancellation);

        (await registry.FindLiveAsync(Cancellation)).ShouldBeNull();
    }

    [Fact]
    public async Task FindLive_RecordOfLiveAnsweringInstance_IsReturned()
    {
        using var state = new TemporaryDirectory();
        var registry = new LocalInstanceRegistry(state.Path);
        var record = new LocalInstanceRecord(fixture.ProcessId, fixture.Endpoint, state.Path);
        await registry.WriteAsync(record, Cancellation);

        (await registry.FindLiveAsync(Cancellation)).ShouldBe(record);
    }

    [Fact]
    public async Task FindLive_DamagedRecord_IsIgnoredAndLaterOverwritten()
    {
        using var state = new TemporaryDirectory();
        var registry = new LocalInstanceRegistry(state.Path);
        await File.WriteAllTextAsync(registry.FilePath, "{\"pid\": 12", Cancellation);

        (await registry.FindLiveAsync(Cancellation)).ShouldBeNull();

        var record = new LocalInstanceRecord(fixture.ProcessId, fixture.Endpoint, state.Path);
        await registry.WriteAsync(record, Cancellation);
        (await registry.FindLiveAsync(Cancellation)).ShouldBe(record);
    }
}
