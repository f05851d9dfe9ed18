using System.Runtime.Versioning;
using TacoMail.MailPath.Storage;

namespace TacoMail.Reconciler.Tests.Mailbox;

public sealed class MaildirTests
{
    [Fact]
    public void Open_MissingDirectory_CreatesTmpNewAndCur()
    {
        using var maildir = new TemporaryMaildir();

        Maildir.Open(maildir.Root, new DiskSync());

        Directory.Exists(maildir.PathOf("tmp")).ShouldBeTrue();
        Directory.Exists(maildir.PathOf("new")).ShouldBeTrue();
        Directory.Exists(maildir.PathOf("cur")).ShouldBeTrue();
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void Open_MissingDirectory_CreatesItReadableByTheOwnerOnly()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix permissions");
        using var maildir = new TemporaryMaildir();

        Maildir.Open(maildir.Root, new DiskSync());

        File.GetUnixFileMode(maildir.PathOf("new")).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task DeliverAsync_NewMessage_CreatesTheFileReadableByTheOwnerOnly()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix permissions");
        using var maildir = new TemporaryMaildir();
        var target = Maildir.Open(maildir.Root, new DiskSync());
        await using var content = new StoredContent(new MemoryStream([1, 2, 3]), 3);

        await target.DeliverAsync("1.2.host", content, TestContext.Current.CancellationToken);

        File.GetUnixFileMode(maildir.PathOf("new/1.2.host")).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    [Fact]
    public async Task DeliverAsync_NameAlreadyInNew_ThrowsAndKeepsTheExistingFile()
    {
        using var maildir = new TemporaryMaildir();
        var target = Maildir.Open(maildir.Root, new DiskSync());
        await File.WriteAllBytesAsync(maildir.PathOf("new/1.2.host"), [9], TestContext.Current.CancellationToken);
        await using var content = new StoredContent(new MemoryStream([1, 2, 3]), 3);

        await Should.ThrowAsync<IOException>(() => target.DeliverAsync("1.2.host", content, TestContext.Current.CancellationToken));

        (await File.ReadAllBytesAsync(maildir.PathOf("new/1.2.host"), TestContext.Current.CancellationToken)).ShouldBe([(byte)9]);
        maildir.FilesIn("tmp").ShouldBeEmpty();
    }

    [Fact]
    public async Task DeliverAsync_NameWithInfoPart_IsRejected()
    {
        using var maildir = new TemporaryMaildir();
        var target = Maildir.Open(maildir.Root, new DiskSync());
        await using var content = new StoredContent(new MemoryStream([1]), 1);

        await Should.ThrowAsync<ArgumentException>(() => target.DeliverAsync("1.2.host:2,S", content, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Contains_MessageMovedToCurByAClient_IsTrueAndOtherNamesAreFalse()
    {
        using var maildir = new TemporaryMaildir();
        Maildir.Open(maildir.Root, new DiskSync());
        await File.WriteAllBytesAsync(maildir.PathOf("cur/1.2.host:2,FS"), [1], TestContext.Current.CancellationToken);

        var reopened = Maildir.Open(maildir.Root, new DiskSync());

        reopened.Contains("1.2.host").ShouldBeTrue();
        reopened.Contains("1.2").ShouldBeFalse();
        reopened.Contains("1.2.host2").ShouldBeFalse();
    }

    [Fact]
    public void SyncDirectory_ExistingDirectory_Succeeds()
    {
        using var maildir = new TemporaryMaildir();
        Maildir.Open(maildir.Root, new DiskSync());

        Should.NotThrow(() => new DiskSync().SyncDirectory(maildir.PathOf("new")));
    }

    [Fact]
    public void SyncDirectory_MissingDirectory_ThrowsIOException()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "directories are not synced on Windows");
        using var maildir = new TemporaryMaildir();

        Should.Throw<IOException>(() => new DiskSync().SyncDirectory(maildir.PathOf("missing"))).Message.ShouldContain("open of directory");
    }
}
