using System.Globalization;
using TacoMail.Testing;
using TacoMail.Testing.DynamoDb;
using static TacoMail.Smtp.Tests.TestMail;

namespace TacoMail.Smtp.Tests;

/// <summary>
/// The promise behind 250: <c>tacomail-smtp serve</c> as a real process is killed (SIGKILL, as a
/// crash) after accepting mail it could not deliver yet, and a new process on the same spool
/// delivers it, once.
/// </summary>
public sealed class RestartTests(DynamoDbLocalFixture dynamo)
{
    [Fact]
    public async Task KilledAfterAccepting_RestartedServerDeliversTheMailOnce()
    {
        using var work = new TemporaryDirectory();
        var table = await SmtpHarness.ApplyTableAsync(dynamo, work.Path);
        string[] common =
        [
            "--endpoint", dynamo.Endpoint.ToString(), "--table", table,
            "--spool", Path.Combine(work.Path, "spool"), "--maildir", Path.Combine(work.Path, "mail"),
        ];

        // No smarthost: the forward can only wait in the queue when the process dies.
        await using (var first = await ServeProcess.StartAsync(common))
        {
            (await SendAsync(first.Port, Message("shop@example.com", "Accepted before the crash."))).ShouldContain("queued as");
            await first.KillAsync();
        }

        var queue = Path.Combine(work.Path, "spool", "queue");
        Directory.GetFiles(queue, "*.json").ShouldHaveSingleItem();
        await using var relay = await RelayTarget.StartAsync();
        await using var second = await ServeProcess.StartAsync([.. common, "--relay", string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{relay.Port}")]);

        await Poll.UntilAsync(() => second.Log.Contains("decision=delivered", StringComparison.Ordinal), TestContext.Current.CancellationToken);
        var handed = relay.Received.ShouldHaveSingleItem();
        handed.RcptTo.ShouldBe(["me@gmail.com"]);
        BodyOf(handed.Text).ShouldContain("Accepted before the crash.");
        Directory.GetFiles(queue).ShouldBeEmpty();
        second.Log.ShouldContain("decision=resumed entries=1");
        second.Log.ShouldNotContain("me@gmail.com", Case.Insensitive, "destinations are masked in the log");
    }
}
