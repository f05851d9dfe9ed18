using TacoMail.Reconciler.Hosting;
using TacoMail.Reconciler.Table.Locking;

namespace TacoMail.Reconciler.Tests.Table.Locking;

public sealed class LockOwnerNameTests
{
    [Fact]
    public void From_GitHubActions_NamesTheActorAndTheRun() =>
        LockOwnerName.From(new Variables(new() { ["GITHUB_ACTOR"] = "octocat", ["GITHUB_RUN_ID"] = "42", ["USER"] = "runner" }))
            .ShouldBe("octocat (GitHub Actions run 42)");

    [Fact]
    public void From_ALocalUser_IsUserAtHost() =>
        LockOwnerName.From(new Variables(new() { ["USER"] = "alice" })).ShouldBe($"alice@{Environment.MachineName}");

    private sealed class Variables(Dictionary<string, string> values) : IProcessEnvironment
    {
        public string CurrentDirectory => "/";

        public string? GetVariable(string name) => values.GetValueOrDefault(name);
    }
}
