using Spectre.Console.Testing;
using TacoMail.Reconciler.Cli;
using static TacoMail.IntegrationTests.Mailbox.S3Mailbox;

namespace TacoMail.IntegrationTests.Mailbox;

/// <summary>Interrupted and partly failed runs: nothing is lost, nothing arrives twice.</summary>
public sealed partial class FetchCommandTests
{
    [Fact]
    public async Task Fetch_InterruptedAfterFirstMessage_RerunDeliversEachMessageExactlyOnce()
    {
        using var mailbox = await CreateAsync(s3);
        const int count = 8;
        for (var n = 1; n <= count; n++)
        {
            await mailbox.PutAsync(Key(Shop, n), Body(Shop, n, padding: 50_000));
        }

        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var firstOutput = NewConsole();
        var console = new CancelOnOutputConsole(firstOutput, $" for {Shop} (", cancellation);

        var first = await mailbox.FetchAsync(console, cancellation.Token, "--parallel", "1");
        var afterFirst = mailbox.FilesIn("new");
        var leftInS3 = await mailbox.KeysAsync();
        var (secondExitCode, secondOutput) = await mailbox.FetchAsync();

        first.ShouldBe(ExitCodes.Error, firstOutput.Output);
        firstOutput.Output.ShouldContain("interrupted");
        afterFirst.Length.ShouldBe(1);
        leftInS3.Count.ShouldBe(count - 1);
        secondExitCode.ShouldBe(ExitCodes.Ok, secondOutput);
        secondOutput.ShouldContain($"fetched {count - 1} messages");
        var delivered = mailbox.FilesIn("new");
        delivered.ShouldBe(Enumerable.Range(1, count).Select(n => Name(Shop, n)).Order(StringComparer.Ordinal));
        foreach (var n in Enumerable.Range(1, count))
        {
            mailbox.Read($"new/{Name(Shop, n)}").ShouldBe(Body(Shop, n, padding: 50_000));
        }

        mailbox.FilesIn("tmp").ShouldBeEmpty();
        (await mailbox.KeysAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Fetch_OneMessageCannotBeWritten_FetchesTheOthersKeepsItInS3AndExitsOne()
    {
        using var mailbox = await CreateAsync(s3);
        for (var n = 1; n <= 3; n++)
        {
            await mailbox.PutAsync(Key(Shop, n), Body(Shop, n));
        }

        // A directory where the temporary file must go makes writing that one message fail.
        Directory.CreateDirectory(Path.Combine(mailbox.Maildir, "tmp", Name(Shop, 2)));

        var (exitCode, output) = await mailbox.FetchAsync();

        exitCode.ShouldBe(ExitCodes.Error, output);
        mailbox.FilesIn("new").ShouldBe(new[] { Name(Shop, 1), Name(Shop, 3) }.Order(StringComparer.Ordinal));
        (await mailbox.KeysAsync()).ShouldBe([Key(Shop, 2)]);
        output.ShouldContain($"failed {Key(Shop, 2)}: ");
        output.ShouldContain("fetched 2 messages");
        output.ShouldContain("1 message could not be fetched (left in S3)");

        Directory.Delete(Path.Combine(mailbox.Maildir, "tmp", Name(Shop, 2)));
        var (retryExitCode, retryOutput) = await mailbox.FetchAsync();

        retryExitCode.ShouldBe(ExitCodes.Ok, retryOutput);
        mailbox.FilesIn("new").Length.ShouldBe(3);
        mailbox.Read($"new/{Name(Shop, 2)}").ShouldBe(Body(Shop, 2));
        (await mailbox.KeysAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Fetch_OnATerminal_ShowsAProgressBarAndTheSummary()
    {
        using var mailbox = await CreateAsync(s3);
        for (var n = 1; n <= 5; n++)
        {
            await mailbox.PutAsync(Key(Shop, n), Body(Shop, n, padding: 10_000));
        }

        var console = NewConsole().Interactive().EmitAnsiSequences();

        var exitCode = await mailbox.FetchAsync(console, TestContext.Current.CancellationToken);

        exitCode.ShouldBe(ExitCodes.Ok, console.Output);
        console.Output.ShouldContain("fetching 5/5");
        console.Output.ShouldNotContain($" for {Shop} (");
        console.Output.ShouldContain("fetched");
        console.Output.ShouldContain($"5 messages (");
        mailbox.FilesIn("new").Length.ShouldBe(5);
    }
}
