using TacoMail.Reconciler.Cli;
using TacoMail.Testing.S3;
using static TacoMail.IntegrationTests.Mailbox.S3Mailbox;

namespace TacoMail.IntegrationTests.Mailbox;

/// <summary><c>tacomail fetch</c> end to end: the real CLI against s3rver and a real Maildir.</summary>
public sealed partial class FetchCommandTests(S3ServerFixture s3)
{
    private const string Shop = "shop@example.com";
    private const string Bank = "bank@example.org";

    [Fact]
    public async Task Fetch_MessagesInTheBucket_DeliversByteIdenticalFilesIntoNewAndDeletesTheObjects()
    {
        using var mailbox = await CreateAsync(s3);
        await mailbox.PutAsync(Key(Shop, 1), Body(Shop, 1));
        await mailbox.PutAsync(Key(Shop, 2), Body(Shop, 2, padding: 1_500_000));
        await mailbox.PutAsync(Key(Bank, 3), Body(Bank, 3));

        var (exitCode, output) = await mailbox.FetchAsync();

        exitCode.ShouldBe(ExitCodes.Ok, output);
        mailbox.FilesIn("new").ShouldBe(new[] { Name(Shop, 1), Name(Shop, 2), Name(Bank, 3) }.Order(StringComparer.Ordinal));
        mailbox.Read($"new/{Name(Shop, 1)}").ShouldBe(Body(Shop, 1));
        mailbox.Read($"new/{Name(Shop, 2)}").ShouldBe(Body(Shop, 2, padding: 1_500_000));
        mailbox.Read($"new/{Name(Bank, 3)}").ShouldBe(Body(Bank, 3));
        mailbox.FilesIn("tmp").ShouldBeEmpty();
        mailbox.FilesIn("cur").ShouldBeEmpty();
        (await mailbox.KeysAsync()).ShouldBeEmpty();
        output.ShouldContain($"new/{Name(Bank, 3)} for {Bank}");
        output.ShouldContain($"fetched 3 messages (1.4 MB) into {mailbox.Maildir}");
    }

    [Fact]
    public async Task Fetch_SecondRun_FetchesNothingAndLeavesTheMaildirAsItWas()
    {
        using var mailbox = await CreateAsync(s3);
        await mailbox.PutAsync(Key(Shop, 1), Body(Shop, 1));
        await mailbox.PutAsync(Key(Bank, 2), Body(Bank, 2));
        (await mailbox.FetchAsync()).ExitCode.ShouldBe(ExitCodes.Ok);
        var afterFirst = mailbox.FilesIn("new");

        var (exitCode, output) = await mailbox.FetchAsync();

        exitCode.ShouldBe(ExitCodes.Ok, output);
        output.ShouldContain($"fetched 0 messages (0 B) into {mailbox.Maildir}");
        mailbox.FilesIn("new").ShouldBe(afterFirst);
        afterFirst.Length.ShouldBe(2);
    }

    [Fact]
    public async Task Fetch_AliasOption_FetchesOnlyThatAliasAndLeavesTheOthersInS3()
    {
        using var mailbox = await CreateAsync(s3);
        await mailbox.PutAsync(Key(Shop, 1), Body(Shop, 1));
        await mailbox.PutAsync(Key(Shop, 2), Body(Shop, 2));
        await mailbox.PutAsync(Key("shopping@example.com", 3), Body("shopping@example.com", 3));
        await mailbox.PutAsync(Key(Bank, 4), Body(Bank, 4));

        var (exitCode, output) = await mailbox.FetchAsync("--alias", "Shop@Example.com");

        exitCode.ShouldBe(ExitCodes.Ok, output);
        mailbox.FilesIn("new").ShouldBe(new[] { Name(Shop, 1), Name(Shop, 2) }.Order(StringComparer.Ordinal));
        (await mailbox.KeysAsync()).Order(StringComparer.Ordinal).ShouldBe(new[] { Key("shopping@example.com", 3), Key(Bank, 4) }.Order(StringComparer.Ordinal));
        output.ShouldContain("fetched 2 messages");
    }

    [Fact]
    public async Task Fetch_MessageAlreadyInCurWithSeenFlag_OnlyDeletesItFromS3()
    {
        using var mailbox = await CreateAsync(s3);
        await mailbox.PutAsync(Key(Shop, 1), Body(Shop, 1));
        await mailbox.PutAsync(Key(Shop, 2), Body(Shop, 2));
        Directory.CreateDirectory(Path.Combine(mailbox.Maildir, "cur"));
        await File.WriteAllBytesAsync(Path.Combine(mailbox.Maildir, "cur", $"{Name(Shop, 1)}:2,S"), Body(Shop, 1), TestContext.Current.CancellationToken);

        var (exitCode, output) = await mailbox.FetchAsync();

        exitCode.ShouldBe(ExitCodes.Ok, output);
        mailbox.FilesIn("cur").ShouldBe([$"{Name(Shop, 1)}:2,S"]);
        mailbox.FilesIn("new").ShouldBe([Name(Shop, 2)]);
        (await mailbox.KeysAsync()).ShouldBeEmpty();
        output.ShouldContain("fetched 1 message (");
        output.ShouldContain($"removed 1 message from S3 that {mailbox.Maildir} already had");
    }

    [Fact]
    public async Task Fetch_ObjectsOutsideTheKeyLayout_AreLeftInS3()
    {
        using var mailbox = await CreateAsync(s3);
        await mailbox.PutAsync("mailbox/notes.txt", [1, 2, 3]);
        await mailbox.PutAsync("incoming/0123456789abcdef", Body(Shop, 9));
        await mailbox.PutAsync(Key(Shop, 1), Body(Shop, 1));

        var (exitCode, output) = await mailbox.FetchAsync();

        exitCode.ShouldBe(ExitCodes.Ok, output);
        (await mailbox.KeysAsync()).Order(StringComparer.Ordinal).ShouldBe(["incoming/0123456789abcdef", "mailbox/notes.txt"]);
        output.ShouldContain("left 1 other objects under 'mailbox/' alone");
    }
}
